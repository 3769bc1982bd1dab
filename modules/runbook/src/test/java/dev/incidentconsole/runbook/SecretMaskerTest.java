package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SecretMaskerTest {
    private final SecretMasker masker = SecretMasker.standard();

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#secretForms")
    void secretsAreMaskedKeepingNamesHostsAndQuotes(String family, String text, String secret, String expected) {
        String masked = masker.mask(text);
        assertThat(masked).isEqualTo(expected).doesNotContain(secret);
        assertThat(masker.mask(masked)).as("masking is idempotent").isEqualTo(masked);
        assertThat(masker.maskCommand(text)).as("read as one command").isEqualTo(expected);
        assertThat(masker.maskCommand(masked)).as("idempotent as a command").isEqualTo(masked);
    }

    @ParameterizedTest
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#harmless")
    void harmlessLinesAreLeftIntact(String line) {
        assertThat(masker.find(line)).isEmpty();
        assertThat(masker.mask(line)).isEqualTo(line);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#secretForms")
    void streamedLineByLineTheOutputIsMaskedTheSame(String family, String text, String secret, String expected) {
        SecretMasker.LineMasker lines = masker.lines();
        StringBuilder out = new StringBuilder();
        String[] split = text.split("\n", -1);
        for (int k = 0; k < split.length; k++) {
            out.append(lines.mask(split[k])).append(k + 1 < split.length ? "\n" : "");
        }
        assertThat(out.toString()).doesNotContain(secret);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#commandForms")
    void aCommandContinuedOverLinesIsReadAsOne(String family, String command, String secret, String expected) {
        String masked = masker.maskCommand(command);
        assertThat(masked).isEqualTo(expected).doesNotContain(secret);
        assertThat(masker.maskCommand(masked)).as("masking is idempotent").isEqualTo(masked);
        assertThat(masker.mask(command)).as("in free text, the continued lines are read together").isEqualTo(expected);
        SecretMasker.LineMasker stream = masker.lines();
        String streamed = String.join("\n", command.lines().map(stream::mask).toList());
        if (command.lines().findFirst().orElseThrow().contains(secret)) {
            // echo X | (next line) docker login --password-stdin: a stream cannot take back a line it gave out
            assertThat(streamed).as("streamed, one line at a time").isEqualTo(command);
        } else {
            assertThat(streamed).as("streamed, one line at a time").isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#harmlessCommands")
    void aFlagThatIsNotASecretForItsProgramIsLeftAsWritten(String command) {
        assertThat(masker.findInCommand(command)).isEmpty();
        assertThat(masker.find(command)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#harmless")
    void harmlessLinesReadAsCommandsAreLeftIntact(String line) {
        assertThat(masker.maskCommand(line)).isEqualTo(line);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#literalLookalikes")
    void aValueThatOnlyLooksLikeAVariableIsMaskedWhereTheShellPassesItAsWritten(String family, String command,
                                                                              String secret, String expected) {
        assertThat(masker.maskCommand(command)).isEqualTo(expected).doesNotContain(secret);
        assertThat(masker.maskRunCommand(command)).as("as it ran").isEqualTo(expected);
        assertThat(masker.maskCommand(expected)).as("idempotent").isEqualTo(expected);
        assertThat(masker.mask("ran: " + command)).as("in free text").doesNotContain(secret);
    }

    @Test
    void aLiteralDollarValueIsMaskedWhereTheCommandPrintsItBack() {
        SecretMasker forRun = masker.forCommand("redis-cli -h c -a '$R3disPw' CONFIG GET requirepass");
        assertThat(forRun.mask("requirepass\n$R3disPw")).isEqualTo("requirepass\n****");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "  password: '$Yam1Pw'                 |   password: '****'",
            "db_password: '${Yam1Pw}'              | db_password: '****'",
            "machine db.internal login app password '$N3trcPw' | machine db.internal login app password '****'"})
    void aSingleQuotedValueInFreeTextIsALiteral(String line, String expected) {
        assertThat(masker.mask(line)).isEqualTo(expected);
        assertThat(masker.mask(line.replace("'", "\"").replace("Yam1Pw", "YAML_PW").replace("N3trcPw", "NETRC_PW")))
                .as("double-quoted, it names a variable").doesNotContain(SecretMasker.MASK);
    }

    @ParameterizedTest
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#expandedReferences")
    void aVariableTheShellExpandsIsLeftReadable(String command) {
        assertThat(masker.findInCommand(command)).isEmpty();
        assertThat(masker.findInRunCommand(command)).isEmpty();
        assertThat(masker.find(command)).as("in free text").isEmpty();
        assertThat(masker.forCommand(command)).isSameAs(masker);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#typedPlaceholderValues")
    void aQuotedPlaceholderShapeInACommandAsItRanIsTheValueTyped(String family, String command, String value,
                                                              String expected) {
        assertThat(masker.maskRunCommand(command)).isEqualTo(expected).doesNotContain(value);
        assertThat(masker.maskRunCommand(expected)).as("idempotent").isEqualTo(expected);
        assertThat(masker.forCommand(command).mask("value: " + value)).isEqualTo("value: ****");
        assertThat(masker.maskCommand(command)).as("as a runbook writes it, it names the placeholder").isEqualTo(command);
        assertThat(masker.mask(command)).as("in free text too").isEqualTo(command);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "rotated the redis password from hunter2 to Sh1ny-new | rotated the redis password from **** to ****",
            "the password is hunter2, I'll rotate it             | the password is ****, I'll rotate it",
            "don't set PGPASSWORD=$X here, it's logged           | don't set PGPASSWORD=$X here, it's logged",
            "it's PGPASSWORD=${PG_FROM_VAULT} that's read        | it's PGPASSWORD=${PG_FROM_VAULT} that's read",
            "we didn't use PGPASSWORD='$L1teral' here             | we didn't use PGPASSWORD='****' here"})
    void aNoteIsReadAsProseWhereItsApostrophesOpenNoQuote(String note, String expected) {
        assertThat(masker.mask(note)).isEqualTo(expected);
        assertThat(masker.mask(expected)).as("idempotent").isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "- db_password: `Hunter22`               | - db_password: `****`",
            "  api_token: `Zx81QwErTy55`              |   api_token: `****`"})
    void aValueInBackticksInANoteIsMarkdownCodeAndItsTextIsJudged(String note, String expected) {
        assertThat(masker.mask(note)).isEqualTo(expected);
        assertThat(masker.mask(expected)).as("idempotent").isEqualTo(expected);
    }

    @Test
    void aLiteralDefaultIsMaskedWhereverTheVariableIsAndAReferenceDefaultIsKept() {
        assertThat(masker.maskCommand("sh -c 'PGPASSWORD=${PGPASSWORD:-Sh3llDflt} psql -h db'"))
                .isEqualTo("sh -c 'PGPASSWORD=${PGPASSWORD:-****} psql -h db'");
        assertThat(masker.forCommand("redis-cli -a \"${REDIS_PW:-R3disDflt}\" CONFIG GET requirepass")
                .mask("requirepass\nR3disDflt")).as("printed back by the command").isEqualTo("requirepass\n****");
        assertThat(masker.maskCommand("redis-cli -a \"${REDIS_PW:-${OTHER_PW}}\" ping"))
                .isEqualTo("redis-cli -a \"${REDIS_PW:-${OTHER_PW}}\" ping");
    }

    @Test
    void anUnfilledPlaceholderLeftUnquotedInACommandAsItRanStillNamesIt() {
        String command = "docker login -u ci -p <registry-password> registry.internal";
        assertThat(masker.maskRunCommand(command)).isEqualTo(command);
    }

    @Test
    void aCommandWrittenAfterAPromptOrWordsIsFoundInFreeText() {
        assertThat(masker.mask("$ redis-cli -a Pr0mptPw ping")).isEqualTo("$ redis-cli -a **** ping");
        assertThat(masker.mask("ran: sudo mysql -uroot -pR4nPw -h db")).isEqualTo("ran: sudo mysql -uroot -p**** -h db");
    }

    @Test
    void aLineAfterAQuotedHeredocSignIsACommandAndAHeredocIsReadToItsDelimiter() {
        assertFreeText("echo don't use << here\nredis-cli -a S3cretPW ping", "echo don't use << here\nredis-cli -a **** ping");
        assertFreeText("+ echo 'starting << migration\n+ redis-cli -a S3cretPW ping",
                "+ echo 'starting << migration\n+ redis-cli -a **** ping");
        assertFreeText("$ chpasswd <<EOF\nalice:S3cretA\nbob:S3cretB\nEOF", "$ chpasswd <<EOF\nalice:****\nbob:****\nEOF");
    }

    /** {@code text} masked as free text, whole and streamed a line at a time, gives {@code expected}. */
    private void assertFreeText(String text, String expected) {
        assertThat(masker.mask(text)).isEqualTo(expected);
        SecretMasker.LineMasker stream = masker.lines();
        assertThat(String.join("\n", text.lines().map(stream::mask).toList())).as("streamed").isEqualTo(expected);
    }

    @Test
    void aNoteNamingTwoClientsReadsEachFlagWithTheClientItFollows() {
        // psql's -a echoes queries and takes no value; redis-cli's -a is the password
        assertThat(masker.mask("tried psql first, then redis-cli -a N0tePw ping"))
                .isEqualTo("tried psql first, then redis-cli -a **** ping");
        assertThat(masker.mask("psql and redis-cli -a N0tePw2 ping")).isEqualTo("psql and redis-cli -a **** ping");
        assertThat(masker.mask("psql -a -h db -c 'select 1'")).isEqualTo("psql -a -h db -c 'select 1'");
    }

    @Test
    void aProgramNamedEarlierInANoteDoesNotReadTheFlagsOfOneNamedAfterIt() {
        // mongo's -p is a password, psql's the port: each reads only the words up to the next program named
        assertThat(masker.mask("restarted mongo and ran psql -p 5432 -h db")).isEqualTo(
                "restarted mongo and ran psql -p 5432 -h db");
        assertThat(masker.mask("ran redis-cli -a Rev3rsedPw ping, then psql -p 5432"))
                .isEqualTo("ran redis-cli -a **** ping, then psql -p 5432");
        assertThat(masker.mask("psql -p 5432 failed, so mongo -p M0ngoPw2 --eval 1"))
                .isEqualTo("psql -p 5432 failed, so mongo -p **** --eval 1");
    }

    @Test
    void aMaskNeverLeavesAQuoteOpen() {
        for (String command : List.of("mysql -p'a b'\"c d\" x", "mongosh -p $'Ans\\'i' x", "mysql -p\"q\\\"uote\" x",
                "sh -c \"mysql -p'in ner'\\\"x y\\\" db\"")) {
            String masked = masker.maskCommand(command);
            assertThat(masked).as(command).contains(SecretMasker.MASK);
            assertThat(dev.incidentconsole.shell.ShellCommand.continuation(masked)).as(masked)
                    .isEqualTo(dev.incidentconsole.shell.Continuation.NONE);
            assertThat(dev.incidentconsole.shell.ShellCommand.parse(masked).commands().get(0).values())
                    .as("the masked command has the same words, the secret one masked").hasSize(
                            dev.incidentconsole.shell.ShellCommand.parse(command).commands().get(0).values().size());
        }
    }

    @Test
    void spansPointAtTheSecretsSoTheScreenCanRevealOne() {
        String text = "PGPASSWORD=pgpw1 psql postgresql://app:urlpw2@db/orders";
        List<SecretMasker.Span> spans = masker.find(text);
        assertThat(spans).extracting(s -> text.substring(s.start(), s.end())).containsExactly("pgpw1", "urlpw2");
    }

    @Test
    void valuesKnownToBeSecretAreMaskedWherever() {
        SecretMasker withEnv = masker.withSecrets(List.of("hunter2", "correct-horse", "ab"));
        assertThat(withEnv.mask("login ok for hunter2; key correct-horse-battery"))
                .isEqualTo("login ok for ****; key ****-battery");
        assertThat(withEnv.mask("table ab")).as("too short to be a secret").isEqualTo("table ab");
    }

    @Test
    void aCommandsOwnSecretValuesAreMaskedInItsOutputEvenBare() {
        SecretMasker forRun = masker.forCommand("redis-cli -p 6379 -a 'r3dis-pw' CONFIG GET requirepass"
                + " && PGPASSWORD=pg-s3cret psql -h db -U app -c 'SHOW password_encryption'");
        assertThat(forRun.mask("requirepass\nr3dis-pw\nscram-sha-256 pg-s3cret")).isEqualTo("requirepass\n****\nscram-sha-256 ****");
        assertThat(masker.forCommand("redis-cli -a $REDIS_PASSWORD ping")).as("a variable is no value").isSameAs(masker);
        assertThat(masker.forCommand("kubectl get pods")).isSameAs(masker);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "redis-cli -a \"pa\\$\\$w0rd\" CONFIG GET requirepass | pa$$w0rd",
            "redis-cli -a pass'w'ord CONFIG GET requirepass            | password",
            "PGPASSWORD=\"s3cr3t pw\" psql -c 'SHOW x'                  | s3cr3t pw"})
    void aSecretWrittenWithQuotesOrEscapesIsMaskedAsTheProgramPrintsIt(String command, String printed) {
        assertThat(masker.forCommand(command).mask("value: " + printed)).isEqualTo("value: ****");
    }

    @Test
    void consulPrintsItsSecretIdAsAKeyOfItsOwnLine() {
        assertThat(masker.mask("AccessorID:       e1b2c3d4\nSecretID:         3f2504e0-4f89-11d3-9a0c-0305e82c3301"))
                .isEqualTo("AccessorID:       e1b2c3d4\nSecretID:         ****");
    }

    @Test
    void aPrivateKeyCutOffBeforeItsEndIsMaskedToTheEnd() {
        String text = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nAKcwggSjAgEAAoIBAQ";
        assertThat(masker.mask(text)).isEqualTo("-----BEGIN PRIVATE KEY-----\n****");
    }

    @Test
    void hostileCommandsAreMaskedInLinearTime() {
        List<String> commands = List.of("ssh h " + "a ".repeat(50_000), "curl " + "-b a=1 ".repeat(30_000) + "u",
                "mysql " + "-pX ".repeat(50_000), "sh -c 'mysql -pX' " + "y ".repeat(50_000),
                "curl " + "-u a:b ".repeat(30_000), "redis-cli -a X $(".repeat(5_000), "sudo ".repeat(50_000) + "mysql -pX");
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            for (String command : commands) {
                assertThat(masker.maskCommand(command)).as(command.substring(0, 20)).isNotNull();
                assertThat(masker.mask(command)).isNotNull();
            }
        });
        assertThat(masker.maskCommand("sh -c 'mysql -pS3cret' " + "y ".repeat(1_000)))
                .startsWith("sh -c 'mysql -p****' y y");
    }

    /** Notes built to make a regex recurse once per repetition (a stack overflow) or backtrack (a hang). */
    @Test
    void hostileNotesAreMaskedWithoutOverflowOrHang() {
        List<String> notes = List.of("the password " + "was ".repeat(50_000), ("password" + " ".repeat(200)).repeat(1_000),
                "token " + "a1".repeat(50_000) + " ", "PGPASSWORD=$(" + "x ".repeat(50_000),
                "x ${PW:-" + "a".repeat(100_000), "don't " + "it's $X ".repeat(10_000),
                "password=" + "a".repeat(100_000), "password=\"" + "a\\\"".repeat(30_000) + "\"",
                "{\"password\": \"" + "a".repeat(100_000) + "\"}",
                // a value of alternating runs and '$'s or escapes, and a long dotted number: once one regex
                // repetition (a stack frame) each, they overflowed the stack at ~1.5 KB
                "password=" + "a$".repeat(740), "password=" + "a$".repeat(50_000), "password=" + "$".repeat(1_700),
                "password=" + "$".repeat(100_000), "password=" + "\\a".repeat(1_300),
                "password=" + "\\a".repeat(50_000), "password " + "a$".repeat(50_000),
                "the password is 1" + ".1".repeat(1_800), "the password is 1" + ".1".repeat(50_000),
                "machine h" + " login u".repeat(20_000) + " password s3cr3t!");
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (String note : notes) {
                assertThat(masker.mask(note)).as(note.substring(0, 20)).isNotNull();
                assertThat(masker.maskCommand(note)).isNotNull();
            }
        });
        assertThat(masker.mask("password=" + "a".repeat(100_000))).isEqualTo("password=****");
        assertThat(masker.mask("password=" + "a$".repeat(50_000))).isEqualTo("password=****");
        assertThat(masker.mask("password=" + "\\a".repeat(50_000))).isEqualTo("password=****");
    }

    /**
     * Over the real runbooks, a mask never stands where a command substitution begins: {@code REDISCLI_AUTH=$(sudo
     * grep ...)} names where the secret comes from, and masking its {@code $} left {@code ****(sudo grep ...)}.
     */
    @Test
    void aCommandSubstitutionInTheRealRunbooksIsNeverCutByAMask() {
        int substitutions = 0;
        for (java.nio.file.Path file : java.util.stream.Stream.concat(SharedInputs.corpusFiles().stream(),
                SharedInputs.seedFiles().stream()).toList()) {
            for (String line : SharedInputs.read(file).split("\n")) {
                substitutions += line.contains("$(") ? 1 : 0;
                assertThat(masker.mask(line)).as(file.getFileName() + ": " + line).doesNotContain(SecretMasker.MASK + "(");
                assertThat(masker.maskCommand(line)).as(file.getFileName() + ": " + line)
                        .doesNotContain(SecretMasker.MASK + "(");
            }
        }
        assertThat(substitutions).isGreaterThan(20);
    }

    /** ParameterExpansion reads no ${...} over 4 KB: in a secret's place, what it cannot read is masked whole. */
    @Test
    void aSecretDefaultTooLongToReadIsMasked() {
        String secret = "D3f4ult".repeat(600);
        String command = "PGPASSWORD=${PGPASSWORD:-" + secret + "} psql -h db-2";
        assertThat(masker.maskCommand(command)).doesNotContain("D3f4ult").endsWith(" psql -h db-2");
        assertThat(masker.maskRunCommand("mysql -p${PW:-" + secret + "} -h db")).doesNotContain("D3f4ult").endsWith(" -h db");
        assertThat(masker.mask("export PGPASSWORD=${PGPASSWORD:-" + secret + "}")).doesNotContain("D3f4ult");
    }

    @Test
    void aMegabyteOfOrdinaryOutputIsMaskedInLinearTime() {
        // A hang guard, not a speed check: linear masking takes tens of ms here, a quadratic one hours.
        String line = "2026-11-22T03:14:07Z INFO request served path=/api/v1/orders status=200 in 12 ms\n";
        String text = line.repeat(1_000_000 / line.length());
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThat(masker.mask(text)).isSameAs(text));
    }
}
