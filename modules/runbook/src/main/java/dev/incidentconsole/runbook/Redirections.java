package dev.incidentconsole.runbook;

import dev.incidentconsole.shell.Wrappers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a simple command's redirections and wrappers change about its danger: a redirection whose only
 * job is to empty a file ({@code > app.log}, {@code : > app.log}, {@code cat /dev/null > app.log}), and
 * the operands {@code xargs} adds from its input ({@code ... | xargs rm}). Writing a command's output to
 * a file ({@code kubectl get pods > pods.txt}), appending ({@code >>}) and redirecting to {@code /dev/null}
 * or a file descriptor ({@code 2>&1}) are ordinary and not flagged.
 */
final class Redirections {
    /** Commands that print nothing, so their redirection only empties the file. */
    private static final Set<String> SILENT = Set.of(":", "true");
    private static final Set<String> OVERWRITE = Set.of(">", ">|", "&>");
    /** Programs whose operands xargs supplies from its input, named so in the reason. */
    private static final Set<String> FED_BY_XARGS = Set.of("rm", "shred", "unlink", "rmdir");
    private static final String FROM_INPUT = "the files named on its input";

    private Redirections() {
    }

    /** The danger of a redirection of {@code seg} that empties a file. */
    static Danger truncation(ShellWords.Segment seg) {
        if (!silent(seg)) {
            return null;
        }
        for (ShellWords.Word w : seg.words()) {
            if (OVERWRITE.contains(w.op()) && fileLike(w.value())) {
                return HostDangers.danger("truncate-redirect", "Empties " + w.value()
                        + " (a redirection with nothing written); what the file held is lost.");
            }
        }
        return null;
    }

    /**
     * A path or a file name with an extension, not a device or descriptor. A bare word is left alone: in
     * a pasted console session {@code > flushall} is a prompt, not a redirection.
     */
    private static boolean fileLike(String target) {
        return !target.startsWith("/dev/") && !target.startsWith("&")
                && (target.indexOf('/') >= 0 || target.indexOf('.') > 0 || target.startsWith("$"));
    }

    /** True when the command prints nothing: none at all, {@code :}, {@code true}, {@code cat /dev/null}, {@code echo -n}. */
    private static boolean silent(ShellWords.Segment seg) {
        if (seg.program() >= seg.words().size()) {
            return true;
        }
        List<String> args = seg.args();
        String program = seg.name();
        return SILENT.contains(program) && args.size() == 1
                || program.equals("cat") && args.size() == 2 && args.get(1).equals("/dev/null")
                || program.equals("echo") && args.size() == 2 && args.get(1).equals("-n")
                || program.equals("printf") && args.size() == 2 && args.get(1).isEmpty();
    }

    /**
     * The segment's words from its program on ({@link ShellWords.Segment#args}), with a stand-in operand when
     * {@code xargs} runs the program and supplies its operands, so {@code xargs rm -f} is judged as {@code rm}
     * of the files named on its input.
     */
    static List<String> withInputOperands(ShellWords.Segment seg) {
        List<String> args = seg.args();
        // xargs is a wrapper, so a program run by it is never the segment's first word
        if (args.isEmpty() || seg.program() == 0 || !FED_BY_XARGS.contains(seg.name())) {
            return args;
        }
        List<ShellWords.Word> words = seg.words();
        for (int j = 0; j < seg.program(); j++) {
            if (!words.get(j).redirect() && Wrappers.basename(words.get(j).value()).equals("xargs")) {
                List<String> fed = new ArrayList<>(args);
                fed.add(FROM_INPUT);
                return fed;
            }
        }
        return args;
    }
}
