package dev.incidentconsole.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Placeholder;
import dev.incidentconsole.runbook.RunbookParser;
import dev.incidentconsole.runbook.testing.OutputNoLongerCommands;
import dev.incidentconsole.runbook.testing.ReadingBaselines;
import dev.incidentconsole.shell.ShellCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * exec's reading of commands compared with the code before issue 14's one shell model: interactivity,
 * whether kubectl is called on a cluster without naming one, and the quoting in force at each placeholder,
 * for every command of the seeds, the corpus, the bundled runbooks and the generated shell inputs (the
 * runbook module's {@code shell-fuzz.txt}). The baseline holds keys and values, never the runbook text.
 * {@code -Dincident.baseline.write=DIR} writes the baseline from the code under test instead.
 */
class ShellReadingDifferentialTest {
    private static final String BASELINE = "exec-shell-reading-before.tsv";

    /** key → "before -> after": the intended changes, each explained. */
    static final Map<String, String> INTENDED = new TreeMap<>(Map.ofEntries(
            // an unbalanced quote inside $(...) (cut -d" unescaped by the Markdown info string) runs to the end of the text, as bash reads it; the old reader ignored quotes inside $(...)
            Map.entry("corpus/gitlab__redis-survival-guide-for-sres.md:289:f2382641322c", "T- redis-cli without a command opens an interactive prompt | false | - -> --  | false | -"),
            // kubectl behind timeout DURATION, watch or xargs is found (the old reader took the duration for the program, or did not know watch)
            Map.entry("fuzz/2068:ce590b299ed0", "--  | false | - -> --  | true | -"),
            Map.entry("fuzz/2589:b7468ce7dc03", "-E tail follows its input until stopped | false | - -> -E tail follows its input until stopped | true | -"),
            Map.entry("fuzz/442:07d4da5474a8", "--  | false | - -> --  | true | -"),
            Map.entry("fuzz/762:9ccf912b17c3", "--  | false | - -> --  | true | -"),
            Map.entry("fuzz/813:1fa423189642", "--  | false | - -> --  | true | -"),
            Map.entry("seeds/003_18a3cb0d6890033e.txt:659:964875ff64af", "TE watch is a full-screen program that runs until stopped | false | - -> TE watch is a full-screen program that runs until stopped | true | -"),
            // kubectl run by a script that sh -c, bash -c or ssh is handed is now checked for a cluster context too
            Map.entry("fuzz/1050:f07cabbe6cba", "T- ssh without a remote command opens an interactive session | false | - -> T- ssh without a remote command opens an interactive session | true | -"),
            Map.entry("fuzz/1203:2f6f6aca2b57", "--  | false | - -> --  | true | -"),
            Map.entry("fuzz/121:fb7e91d75c53", "--  | false | - -> --  | true | -"),
            Map.entry("fuzz/1305:4280d0fb3bcb", "--  | false | - -> --  | true | -"),
            Map.entry("fuzz/1351:6a476ed7deec", "--  | false | - -> --  | true | -"),
            Map.entry("fuzz/1424:3f09a673f880", "--  | false | - -> --  | true | -"),
            Map.entry("fuzz/1451:e825fb652ae3", "--  | false | - -> --  | true | -"),
            Map.entry("fuzz/1884:cd48a2886b9e", "--  | false | - -> --  | true | -"),
            Map.entry("fuzz/2070:380ba307310c", "--  | false | - -> --  | true | -"),
            Map.entry("fuzz/2603:db5bf1fa7c18", "--  | false | - -> --  | true | -"),
            Map.entry("fuzz/2841:5d84dbc3ea78", "--  | false | - -> --  | true | -"),
            Map.entry("fuzz/2890:5ca40d0e4295", "T- ssh without a remote command opens an interactive session | false | - -> T- ssh without a remote command opens an interactive session | true | -"),
            Map.entry("fuzz/29:2a40d967a707", "--  | false | - -> --  | true | -"),
            Map.entry("fuzz/315:09c24ada4f3c", "--  | false | - -> --  | true | -"),
            Map.entry("fuzz/985:4dbb90c3a2a7", "T- ssh without a remote command opens an interactive session | false | - -> T- ssh without a remote command opens an interactive session | true | -"),
            // $'...' is read as ANSI-C quoting, where \\' does not end the string; the old reader closed it there and misread the rest
            Map.entry("fuzz/1168:ea696c90fbd5", "--  | false | - -> -E kubectl --watch runs until stopped | true | -"),
            Map.entry("fuzz/1585:f89f34ecd91a", "--  | false | - -> TE top is a full-screen program that runs until stopped | false | -"),
            Map.entry("fuzz/1779:537ff942606c", "--  | false | - -> -E tail follows its input until stopped | false | -"),
            Map.entry("fuzz/2527:bdd01471e933", "T- psql without -c or -f opens an interactive prompt | true | - -> --  | true | -"),
            Map.entry("fuzz/2790:24d156f02122", "--  | false | - -> T- kubectl -it attaches a terminal | true | -"),
            Map.entry("fuzz/2886:84dc03d21080", "--  | false | - -> --  | true | -"),
            Map.entry("fuzz/298:daf318da3bbc", "--  | false | - -> T- ssh without a remote command opens an interactive session | false | -"),
            Map.entry("fuzz/324:7016038dd8fd", "--  | false | - -> TE watch is a full-screen program that runs until stopped | true | -"),
            Map.entry("fuzz/695:526b8b6b7776", "--  | false | - -> --  | true | -"),
            // an unclosed ${ runs to the end of the text, as bash reads it (bash refuses to run such a command); the old reader split it at spaces
            Map.entry("fuzz/136:1985384676f5", "--  | true | - -> --  | false | -"),
            Map.entry("fuzz/1602:098eacdc96a4", "T- vim needs a terminal | false | - -> --  | false | -"),
            Map.entry("fuzz/1844:71c706bd4442", "T- ssh without a remote command opens an interactive session | false | - -> --  | false | -"),
            Map.entry("fuzz/1855:a0e72a47f938", "-E kubectl --watch runs until stopped | true | - -> --  | false | -"),
            Map.entry("fuzz/2024:8fb197b087dc", "--  | true | - -> --  | false | -"),
            Map.entry("fuzz/2156:2a09219b7553", "--  | true | - -> --  | false | -"),
            Map.entry("fuzz/2553:156ffb2e59cc", "TE top is a full-screen program that runs until stopped | false | - -> --  | false | -"),
            Map.entry("fuzz/2728:478b43f1a34a", "--  | true | - -> --  | false | -"),
            Map.entry("fuzz/2893:5372dc056bbb", "-E kubectl --watch runs until stopped | true | - -> --  | true | -"),
            Map.entry("fuzz/973:1c2f6f892066", "--  | true | - -> --  | false | -"),
            // a command inside a { ...; } group (and after if/then/do) is read as itself; the old reader took { for the program
            Map.entry("fuzz/1486:867f14aaa082", "--  | false | - -> T- ssh without a remote command opens an interactive session | false | -"),
            Map.entry("fuzz/1958:691c5d1ebca1", "--  | false | - -> T- kubectl -it attaches a terminal | true | -"),
            Map.entry("fuzz/1963:8ac7767434b4", "--  | false | - -> TE watch is a full-screen program that runs until stopped | false | -"),
            Map.entry("fuzz/443:33a7c0912e70", "--  | false | - -> --  | true | -"),
            Map.entry("fuzz/711:8c55ae4d310d", "--  | false | - -> TE top is a full-screen program that runs until stopped | false | -"),
            Map.entry("fuzz/774:b9e511ae51e2", "--  | false | - -> TE watch is a full-screen program that runs until stopped | false | -"),
            Map.entry("fuzz/79:e594bff2981f", "--  | false | - -> -E tail follows its input until stopped | false | -"),
            Map.entry("fuzz/997:9e56a621409b", "--  | false | - -> T- docker -it attaches a terminal | false | -"),
            // a <placeholder> is one word, not two redirections, so the options and sub-commands after it are read (oc debug node/<node-name> -it needs a terminal, kubectl -n <ns> edit opens an editor)
            Map.entry("corpus/openshift__VirtualMachineStuckInUnhealthyState.md:174:5a32fc4d2bba", "--  | false | node-name=UNQUOTED -> T- oc -it attaches a terminal | false | node-name=UNQUOTED"),
            Map.entry("corpus/openshift__VirtualMachineStuckInUnhealthyState.md:88:5a32fc4d2bba", "--  | false | node-name=UNQUOTED -> T- oc -it attaches a terminal | false | node-name=UNQUOTED"),
            Map.entry("corpus/promop__KubePersistentVolumeFillingUp.md:80:92a87ecbb17b", "--  | true | my-namespace=UNQUOTED my-pvc=UNQUOTED -> T- kubectl edit opens an editor | true | my-namespace=UNQUOTED my-pvc=UNQUOTED"),
            Map.entry("fuzz/1119:41c351ee5c2c", "T- psql without -c or -f opens an interactive prompt | false | - -> --  | false | -"),
            Map.entry("fuzz/2208:dc6f4bb542c3", "--  | false | - -> T- ssh without a remote command opens an interactive session | false | -"),
            Map.entry("fuzz/2465:6e6cc2b86719", "--  | true | - -> --  | false | -"),
            // a closing fi, done, esac or } followed by more words is read past, so the command after it is classified
            Map.entry("fuzz/116:696f0856e740", "--  | false | - -> T- psql without -c or -f opens an interactive prompt | false | -"),
            Map.entry("fuzz/1199:d92b0a736089", "--  | false | - -> T- vim needs a terminal | false | -"),
            Map.entry("fuzz/1356:1f16d7ac09f8", "--  | false | - -> --  | true | -"),
            Map.entry("fuzz/1503:12c66994f7cf", "--  | false | - -> T- less needs a terminal | false | -"),
            Map.entry("fuzz/1620:d3abcc9cc9f3", "--  | true | - -> T- ssh without a remote command opens an interactive session | true | -"),
            Map.entry("fuzz/1725:968fb00477fe", "--  | false | - -> --  | true | -"),
            Map.entry("fuzz/1810:e4beee521879", "--  | false | - -> T- vim needs a terminal | false | -"),
            Map.entry("fuzz/1814:4461e6c710f9", "--  | false | - -> T- kubectl -it attaches a terminal | true | -"),
            Map.entry("fuzz/1837:e0c8a3e3b911", "--  | false | - -> -E tail follows its input until stopped | false | -"),
            Map.entry("fuzz/1964:95eceab344bf", "--  | false | - -> --  | true | -"),
            Map.entry("fuzz/2191:7cc0105332f5", "--  | false | - -> T- less needs a terminal | false | -"),
            Map.entry("fuzz/2349:df7accc9570d", "--  | false | - -> TE top is a full-screen program that runs until stopped | false | -"),
            Map.entry("fuzz/2482:49c9f599203e", "--  | true | - -> T- psql without -c or -f opens an interactive prompt | true | -"),
            Map.entry("fuzz/2492:d888a425a56d", "--  | true | - -> -E kubectl --watch runs until stopped | true | -"),
            Map.entry("fuzz/2515:3920d59bf8f7", "--  | false | - -> -E kubectl --watch runs until stopped | true | -"),
            Map.entry("fuzz/2785:d78cc8a6de23", "--  | true | - -> -E kubectl --watch runs until stopped | true | -"),
            Map.entry("fuzz/2803:3ffefbc8e008", "--  | false | - -> T- ssh without a remote command opens an interactive session | false | -"),
            Map.entry("fuzz/2982:a42306e2f3de", "--  | false | - -> -E tail follows its input until stopped | false | -"),
            Map.entry("fuzz/327:062200f92183", "--  | false | - -> T- docker -it attaches a terminal | false | -"),
            Map.entry("fuzz/541:007e0570e61e", "--  | false | - -> TE top is a full-screen program that runs until stopped | false | -"),
            Map.entry("fuzz/599:e29407f49a8a", "--  | false | - -> T- ssh without a remote command opens an interactive session | false | -"),
            Map.entry("fuzz/703:45e5b758cac7", "--  | false | - -> -E tail follows its input until stopped | false | -"),
            Map.entry("fuzz/783:4b8a17c9adac", "--  | false | - -> T- ssh without a remote command opens an interactive session | false | -"),
            Map.entry("fuzz/85:9970d560fcd2", "--  | false | - -> --  | true | -"),
            Map.entry("fuzz/984:f5469541a767", "--  | false | - -> T- kubectl -it attaches a terminal | true | -")));

    static {
        // printed output (a command's table, log lines) that was read as commands: each listed with its reason there
        INTENDED.putAll(OutputNoLongerCommands.each("--  | false | - -> (no command)"));
        // a command that swallowed the redis-cli prompt line after it: explained there
        String redisCli = "T- redis-cli without a command opens an interactive prompt | false | -";
        INTENDED.putAll(OutputNoLongerCommands.reread(redisCli, redisCli));
        // inline code read as a step: listed in InlineCommandSteps, read by exec as InlineCommandReadings says
        INTENDED.putAll(InlineCommandReadings.intended());
    }

    @Test
    void execReadsCommandsAsBeforeExceptWhereIntended() throws IOException {
        Map<String, String> after = new TreeMap<>();
        RunbookParser parser = new RunbookParser();
        for (Path file : ReadingBaselines.runbookFiles()) {
            String name = file.getParent().getFileName() + "/" + file.getFileName();
            for (Command c : parser.parse(file).commands()) {
                after.put(name + ":" + c.line() + ":" + ReadingBaselines.hash(c.text()), reading(c.text(), c.placeholders()));
            }
        }
        List<String> inputs = ReadingBaselines.fuzzInputs();
        for (int i = 0; i < inputs.size(); i++) {
            if (!inputs.get(i).isEmpty()) {
                after.put("fuzz/" + i + ":" + ReadingBaselines.hash(inputs.get(i)), reading(inputs.get(i), null));
            }
        }
        assertThat(ReadingBaselines.differences(getClass(), BASELINE, after)).as("differences from " + BASELINE)
                .isEqualTo(INTENDED);
    }

    /** interactivity | kubectl on a cluster | quoting at each placeholder. */
    private static String reading(String text, List<Placeholder> placeholders) {
        ShellCommand parsed = ShellCommand.parse(text);
        Interactivity i = Interactivity.of(parsed);
        String quoting = placeholders == null || placeholders.isEmpty() ? "-" : placeholders.stream()
                .map(p -> p.name() + "=" + parsed.quotingAt(p.start())).collect(Collectors.joining(" "));
        return (i.needsTerminal() ? "T" : "-") + (i.endless() ? "E" : "-") + " " + i.reason() + " | "
                + KubeContextGuard.callsKubectlOnACluster(parsed) + " | " + quoting;
    }
}
