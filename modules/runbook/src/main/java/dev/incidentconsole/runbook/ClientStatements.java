package dev.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds the destructive statement a code block shows for a client rather than for the shell, with the file line it
 * starts on and its text: so that a report can point at {@code 127.0.0.1:6379> FLUSHALL} rather than at the
 * harmless command opening the block.
 */
final class ClientStatements {

    /** One line of the block that is sent to the client: its file line, as written, and the part the client reads. */
    private record Sent(int line, String written, String sent) {
    }

    private ClientStatements() {
    }

    /**
     * The first destructive statement of an SQL block ({@code sql} true: labelled or recognised SQL, not shell), or
     * of the lines of a shell-language block typed at a client's prompt ({@link ShellPrompt#typed}), judged as Redis
     * and as SQL lines; null when there is none or the language is sent nowhere as it is (YAML, PromQL...).
     *
     * @param firstLine 1-based file line of the block's first content line
     */
    static ClientDanger find(String language, boolean sql, String text, int firstLine) {
        String[] lines = text.split("\n", -1);
        List<Sent> sent = new ArrayList<>();
        if (sql) {
            for (int k = 0; k < lines.length; k++) {
                sent.add(new Sent(firstLine + k, lines[k], lines[k]));
            }
            return locate(sent, SqlDangers::sql, false);
        }
        if (!StepReader.SHELL_LANGUAGES.contains(language) || !text.contains("> ")) {
            return null;
        }
        for (int k = 0; k < lines.length; k++) {
            String written = lines[k].strip();
            String typed = ShellPrompt.typed(written, language);
            if (typed != null) {
                sent.add(new Sent(firstLine + k, written, typed));
            }
        }
        if (sent.isEmpty()) {
            return null;
        }
        ClientDanger redis = locate(sent, SqlDangers::redisLines, true);
        return redis != null ? redis : locate(sent, SqlDangers::sql, false);
    }

    /**
     * The statement of {@code sent} that {@code judge} finds destructive, or null. A statement ends at a line ending
     * in {@code ;}, or with its line when {@code lineIsStatement} (Redis); within it, the first line from which the lines so far are judged destructive closes the search,
     * and the statement runs on to its {@code ;}. Quadratic in a statement's lines only, which are few.
     */
    private static ClientDanger locate(List<Sent> sent, Function<String, Danger> judge, boolean lineIsStatement) {
        Danger whole = judge.apply(joined(sent, 0, sent.size(), false));
        if (whole == null) {
            return null;
        }
        int start = 0;
        for (int k = 0; k < sent.size(); k++) {
            Danger d = judge.apply(joined(sent, start, k + 1, false));
            if (d != null && d.rule().equals(whole.rule())) {
                int end = k;
                while (!lineIsStatement && end + 1 < sent.size() && !ends(sent.get(end))) {
                    end++;
                }
                int first = firstStatementLine(sent, start, k);
                return new ClientDanger(sent.get(first).line(), joined(sent, first, end + 1, true).strip(), whole);
            }
            if (lineIsStatement || ends(sent.get(k))) {
                start = k + 1;
            }
        }
        // the statement is only seen whole (a literal open in every shorter part): point at the first line sent
        return new ClientDanger(sent.get(0).line(), sent.get(0).written().strip(), whole);
    }

    /** The first line from {@code start} to {@code k} that is neither blank nor an SQL {@code --} comment. */
    private static int firstStatementLine(List<Sent> sent, int start, int k) {
        for (int j = start; j < k; j++) {
            String s = sent.get(j).sent().strip();
            if (!s.isEmpty() && !s.startsWith("--")) {
                return j;
            }
        }
        return k;
    }

    private static boolean ends(Sent s) {
        return s.sent().strip().endsWith(";");
    }

    private static String joined(List<Sent> sent, int from, int to, boolean written) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k < to; k++) {
            b.append(written ? sent.get(k).written() : sent.get(k).sent()).append('\n');
        }
        return b.toString();
    }
}
