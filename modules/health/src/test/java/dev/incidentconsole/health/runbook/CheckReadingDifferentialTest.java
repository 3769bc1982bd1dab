package dev.incidentconsole.health.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.spec.CommandSpec;
import dev.incidentconsole.health.spec.ProbeSpec;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import dev.incidentconsole.runbook.testing.InlineCommandSteps;
import dev.incidentconsole.runbook.testing.OutputNoLongerCommands;
import dev.incidentconsole.runbook.testing.ReadingBaselines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * health's reading of check commands compared with the code before issue 14's one shell model: every
 * command of the seeds, the corpus, the bundled runbooks and the generated shell inputs (the runbook
 * module's {@code shell-fuzz.txt}) read as a port-table check, and the services each runbook offers (its
 * health URLs found among its curls). The baseline holds keys and values, never the runbook text.
 * {@code -Dincident.baseline.write=DIR} writes the baseline from the code under test instead.
 */
class CheckReadingDifferentialTest {
    private static final String BASELINE = "health-check-reading-before.tsv";
    private static final Map<String, String> ENV = Map.of("TOKEN", "t0k", "PW", "pw", "HOST", "db.internal",
            "PGPASSWORD", "pgpw", "NAMESPACE", "prod");

    /** key → "before -> after": the intended changes, each explained. */
    private static final String CURL_CLUSTERS = "curl flag clusters are read (-sfX POST is a POST) through shell.CurlArgs;"
            + " the old reader gave up on a cluster ending in a letter that takes a value";
    private static final String NOT_WORDS = "subshell parentheses, { } groups, redirections (2>&1, >> out), here-documents"
            + " and comments are no longer words of the check; the old tokenizer kept them in the argument list";
    private static final String DEFAULTS = "variables are expanded by the shell model (Word.expand): ${PORT:-5432} with PORT"
            + " unset takes bash's default 5432; the old regex read it as the unset $PORT and gave up on the value";
    private static final String SINGLE_QUOTES = "variables are expanded by the shell model (Word.expand): a ${PORT:-5432}"
            + " inside single quotes stays as written, as in bash; the old regex expanded it";

    /** key → why its reading changed; the readings themselves are long, the test prints them on a mismatch. */
    static final Map<String, String> INTENDED = new TreeMap<>(Map.ofEntries(
            Map.entry("fuzz/1335:b57f5e7eafe5", NOT_WORDS),
            Map.entry("fuzz/388:f6d98e157278", NOT_WORDS),
            Map.entry("fuzz/1186:349d709cf5c4", CURL_CLUSTERS),
            Map.entry("fuzz/1302:6eb3128fce55", CURL_CLUSTERS),
            Map.entry("fuzz/1325:b957cb086018", CURL_CLUSTERS),
            Map.entry("fuzz/1451:e825fb652ae3", CURL_CLUSTERS),
            Map.entry("fuzz/1552:de1ae155ffc8", CURL_CLUSTERS),
            Map.entry("fuzz/160:017dfb6a5c1e", CURL_CLUSTERS),
            Map.entry("fuzz/1659:6c0fce0200b0", CURL_CLUSTERS),
            Map.entry("fuzz/1922:07c6999eb18a", CURL_CLUSTERS),
            Map.entry("fuzz/1943:20b9f74b6390", CURL_CLUSTERS),
            Map.entry("fuzz/1952:1c05373b7bcc", CURL_CLUSTERS),
            Map.entry("fuzz/2129:30d25a96f31e", CURL_CLUSTERS),
            Map.entry("fuzz/2174:218ab3caeb94", CURL_CLUSTERS),
            Map.entry("fuzz/21:acbbcd14eb51", CURL_CLUSTERS),
            Map.entry("fuzz/2206:bf9e8cebe33e", CURL_CLUSTERS),
            Map.entry("fuzz/2293:6221649bf965", CURL_CLUSTERS),
            Map.entry("fuzz/2329:09ec41224f4b", CURL_CLUSTERS),
            Map.entry("fuzz/2351:c2de5870f248", CURL_CLUSTERS),
            Map.entry("fuzz/2354:3b2b5834d4ae", CURL_CLUSTERS),
            Map.entry("fuzz/2519:f2a3473a1578", CURL_CLUSTERS),
            Map.entry("fuzz/25:017dfb6a5c1e", CURL_CLUSTERS),
            Map.entry("fuzz/2635:8d9f1768e120", CURL_CLUSTERS),
            Map.entry("fuzz/2689:ce7288fe6e66", CURL_CLUSTERS),
            Map.entry("fuzz/2741:2056fc6af61e", CURL_CLUSTERS),
            Map.entry("fuzz/2764:da400f845fdd", CURL_CLUSTERS),
            Map.entry("fuzz/2816:6ee42c48c994", CURL_CLUSTERS),
            Map.entry("fuzz/2833:fcdb4ad78327", CURL_CLUSTERS),
            Map.entry("fuzz/347:091ea1cf0f8d", CURL_CLUSTERS),
            Map.entry("fuzz/367:34b09b4d7b96", CURL_CLUSTERS),
            Map.entry("fuzz/392:5ec4005fe1a1", CURL_CLUSTERS),
            Map.entry("fuzz/453:b1389c0e6491", CURL_CLUSTERS),
            Map.entry("fuzz/477:afea5e700de7", CURL_CLUSTERS),
            Map.entry("fuzz/518:87cd66db210a", CURL_CLUSTERS),
            Map.entry("fuzz/537:aed58fe17b5f", CURL_CLUSTERS),
            Map.entry("fuzz/684:d164a85ee278", CURL_CLUSTERS),
            Map.entry("fuzz/69:a659b7fafbb0", CURL_CLUSTERS),
            Map.entry("fuzz/731:850865f850a9", CURL_CLUSTERS),
            Map.entry("fuzz/77:06ace2a1727f", CURL_CLUSTERS),
            Map.entry("fuzz/85:9970d560fcd2", CURL_CLUSTERS),
            Map.entry("fuzz/951:99d73e59bb35", CURL_CLUSTERS),
            Map.entry("fuzz/98:d74dc63589b0", CURL_CLUSTERS),
            Map.entry("fuzz/1058:ba770fcbc01a", NOT_WORDS),
            Map.entry("fuzz/129:eab32b86b233", NOT_WORDS),
            Map.entry("fuzz/1339:718fe922a709", NOT_WORDS),
            Map.entry("fuzz/1391:6d10b8b2c17a", NOT_WORDS),
            Map.entry("fuzz/1668:7ac55e2a5b00", NOT_WORDS),
            Map.entry("fuzz/1685:9cd31cfec9ed", NOT_WORDS),
            Map.entry("fuzz/1827:473e8f1c93b8", NOT_WORDS),
            Map.entry("fuzz/1849:e217a83a68ca", NOT_WORDS),
            Map.entry("fuzz/1988:a5d5941c9063", NOT_WORDS),
            Map.entry("fuzz/2077:8aa9ae3ddc5f", NOT_WORDS),
            Map.entry("fuzz/2114:baa23ac89b5d", NOT_WORDS),
            Map.entry("fuzz/2269:428cdbca9cc6", NOT_WORDS),
            Map.entry("fuzz/2641:a5bea10669a8", NOT_WORDS),
            Map.entry("fuzz/2687:802d749f5815", NOT_WORDS),
            Map.entry("fuzz/2702:ed7791b858c7", NOT_WORDS),
            Map.entry("fuzz/2763:90650f476670", NOT_WORDS),
            Map.entry("fuzz/2831:7c4e9b251f86", NOT_WORDS),
            Map.entry("fuzz/2871:692fa0c1def0", NOT_WORDS),
            Map.entry("fuzz/378:fe38b0d5f906", NOT_WORDS),
            Map.entry("fuzz/610:93837b50807d", NOT_WORDS),
            Map.entry("fuzz/655:51b9daf9eef5", NOT_WORDS),
            Map.entry("fuzz/750:9f592220ff39", NOT_WORDS),
            Map.entry("fuzz/253:f6b3e8199c30", DEFAULTS),
            Map.entry("fuzz/43:59ef45d2d085", DEFAULTS),
            Map.entry("fuzz/584:73f356e42097", DEFAULTS),
            Map.entry("fuzz/480:a36bf2f1d6a8", SINGLE_QUOTES)));

    static {
        // printed output (a command's table, log lines) that was read as commands
        INTENDED.putAll(OutputNoLongerCommands.WHY);
        // a command that swallowed the redis-cli prompt line after it: explained there
        INTENDED.putAll(OutputNoLongerCommands.reread("-", "-"));
        // inline code read as a step: a new command each, explained there
        InlineCommandSteps.STEPS.keySet().forEach(key -> INTENDED.put(key, "inline code read as a step"));
    }

    @Test
    void checkCommandsReadAsBeforeExceptWhereIntended() throws IOException {
        CheckCommands checks = new CheckCommands(ENV::get);
        RunbookServices services = new RunbookServices(ENV::get, "localhost");
        RunbookParser parser = new RunbookParser();
        Map<String, String> after = new TreeMap<>();
        for (Path file : ReadingBaselines.runbookFiles()) {
            String name = file.getParent().getFileName() + "/" + file.getFileName();
            Runbook runbook = parser.parse(file);
            for (Command c : runbook.commands()) {
                after.put(name + ":" + c.line() + ":" + hash(c.text()), hidden(reading(checks.parse(c.text(), "localhost", 8080))));
            }
            after.put(name + ":services", "services " + hash(services.offer(runbook).stream()
                    .map(CheckReadingDifferentialTest::service).collect(Collectors.joining(" ; "))));
        }
        List<String> inputs = ReadingBaselines.fuzzInputs();
        for (int i = 0; i < inputs.size(); i++) {
            if (!inputs.get(i).isEmpty()) {
                after.put("fuzz/" + i + ":" + hash(inputs.get(i)), reading(checks.parse(inputs.get(i), "localhost", 8080)));
            }
        }
        Map<String, String> diff = ReadingBaselines.differences(getClass(), BASELINE, after);
        assertThat(diff.keySet()).as("differences from %s: %s", BASELINE, diff).isEqualTo(INTENDED.keySet());
    }

    private static String reading(CheckCommands.Parsed p) {
        return (p.probe().kind() + " " + probe(p.probe()) + " @" + p.host() + " via " + p.via() + " " + p.notes())
                .replace('\n', '\u23CE').replace('\t', '\u21E5');
    }

    /** A reading of runbook text as its first word (the probe kind) and a hash, so no runbook text is stored. */
    private static String hidden(String reading) {
        return reading.isEmpty() ? "-" : reading.split(" ", 2)[0] + " " + hash(reading);
    }

    private static String service(ServiceSpec s) {
        return (s.name() + " " + s.host() + ":" + s.port() + " " + s.probe().kind() + " " + probe(s.probe()))
                .replace('\n', '\u23CE').replace('\t', '\u21E5');
    }

    /**
     * A probe as the baseline wrote it. CommandSpec has since gained {@code runsOn}, the exec target that the app binds
     * later (never the reading, so it is null here): written in its earlier form to keep comparing the reading itself.
     */
    private static String probe(ProbeSpec probe) {
        if (probe instanceof CommandSpec c) {
            return "CommandSpec[command=" + c.command() + ", env=" + c.env() + ", target=" + c.target() + "]"
                    + (c.runsOn() == null ? "" : " on " + c.runsOn());
        }
        return String.valueOf(probe);
    }

    private static String hash(String text) {
        return ReadingBaselines.hash(text);
    }
}
