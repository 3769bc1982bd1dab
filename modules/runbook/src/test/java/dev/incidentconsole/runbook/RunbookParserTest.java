package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The outline, blocks, steps and warnings the parser builds from small Markdown samples. */
class RunbookParserTest {

    private final RunbookParser parser = new RunbookParser();

    private Runbook parse(String markdown) {
        return parser.parse(Path.of("sample.md"), markdown);
    }

    private static Section section(Runbook r, String title) {
        return r.sections().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void boldLabelsUnderAHeadingMakeItAProcedureWithLabelledParts() {
        Runbook r = parse("""
                # Runbook

                ## Queue Backing Up

                **Symptoms:** jobs wait for minutes

                **Diagnosis:**
                ```bash
                redis-cli LLEN queue
                ```

                **Resolution**:
                - scale workers
                """);

        Section issue = section(r, "Queue Backing Up");
        assertThat(issue.procedure()).isTrue();
        assertThat(r.subtree(issue))
                .extracting(Section::title, Section::kind, Section::level, Section::label, Section::line)
                .containsExactly(tuple("Queue Backing Up", SectionKind.OTHER, 2, false, 3),
                        tuple("Symptoms", SectionKind.SYMPTOM, 3, true, 5),
                        tuple("Diagnosis", SectionKind.DIAGNOSIS, 3, true, 7),
                        tuple("Resolution", SectionKind.RESOLUTION, 3, true, 12));
        assertThat(section(r, "Diagnosis").path()).containsExactly("Runbook", "Queue Backing Up", "Diagnosis");
        assertThat(section(r, "Diagnosis").endLine()).isEqualTo(10);
        assertThat(issue.symptoms()).containsExactly("jobs wait for minutes");
        assertThat(issue.components()).containsExactly("Redis");
        assertThat(section(r, "Symptoms").blocks()).extracting(Block::line, b -> ((Block.Text) b).type(),
                b -> ((Block.Text) b).plain()).containsExactly(tuple(5, Block.TextType.LABEL, "Symptoms:"),
                tuple(5, Block.TextType.PARAGRAPH, "jobs wait for minutes"));
        assertThat(r.procedures()).containsExactly(issue);
    }

    @Test
    void listItemsOpeningWithASymptomLabelAreSymptomsOfTheirSection() {
        Runbook r = parse("""
                ## Disk Stall

                - **Message**: `disk stall detected: unable to sync log files`
                    - **Severity**: High
                    - **Impact**: Increased latency
                    - **Action**: Restart node
                """);

        assertThat(section(r, "Disk Stall").symptoms()).containsExactly(
                "disk stall detected: unable to sync log files", "Increased latency");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            **Severity:** critical                         | false
            **Note** the service restarts itself.          | false
            **For emergencies, call the on-call lead.**    | false
            **[Runbook](x.md)**                            | false
            **Symptoms:** slow pages                       | true
            **Alert**: Error rate > 5%                     | true
            **Whitelist Specific IPs:**                    | true
            **Investigation Steps**:                       | true
            """)
    void onlyShortOrKnownBoldPhrasesAreLabels(String paragraph, boolean label) {
        Runbook r = parse("# T\n\n" + paragraph + "\n");
        assertThat(r.sections().stream().anyMatch(Section::label)).isEqualTo(label);
    }

    @Test
    void blocksKeepListDepthQuotesAndFencesInsideListItems() {
        Runbook r = parse("""
                # Steps

                1. Check pods
                   ```bash
                   kubectl get pods -n app
                   ```
                   - nested note
                2. Restart
                   ~~~ shell
                   kubectl rollout restart deploy/app
                   ~~~

                > Careful in production

                ---

                    systemctl status app
                """);

        List<Block> blocks = section(r, "Steps").blocks();
        assertThat(blocks).extracting(Block::line).containsExactly(1, 3, 4, 7, 8, 9, 13, 15, 17);
        assertThat(blocks.get(1)).isEqualTo(new Block.Text(3, Block.TextType.NUMBERED, 1,
                List.of(new Inline("Check pods", Inline.Style.PLAIN))));
        assertThat(((Block.Text) blocks.get(3)).depth()).isEqualTo(2);
        assertThat(((Block.Text) blocks.get(6)).type()).isEqualTo(Block.TextType.QUOTE);
        assertThat(((Block.Text) blocks.get(7)).type()).isEqualTo(Block.TextType.RULE);
        assertThat(section(r, "Steps").steps()).extracting(Step::line, Step::language, Step::shell)
                .containsExactly(tuple(4, "bash", true), tuple(9, "shell", true), tuple(17, "", true));
        assertThat(r.commands()).extracting(Command::text, Command::line).containsExactly(
                tuple("kubectl get pods -n app", 5), tuple("kubectl rollout restart deploy/app", 10),
                tuple("systemctl status app", 17));
        assertThat(r.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ```Bash                 | bash   | true
            ```{.bash}              | bash   | true
            ```sh {linenos=true}    | sh     | true
            ```console              | console| true
            ```zsh                  | zsh    | true
            ```promql               | promql | false
            ```SQL                  | sql    | false
            ```yaml title="x.yml"   | yaml   | false
            """)
    void theLanguageIsTheLowerCasedFirstWordOfTheInfoString(String fence, String language, boolean shell) {
        Step step = parse("# T\n\n" + fence + "\nselect 1\n```\n").sections().get(0).steps().get(0);
        assertThat(step.language()).isEqualTo(language);
        assertThat(step.shell()).isEqualTo(shell);
        if (!shell) {
            assertThat(step.commands()).isEmpty();
        }
        assertThat(step.text()).isEqualTo("select 1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SHOW SLAVE STATUS\\G                    | false
            STOP SLAVE;\\nSTART SLAVE;              | false
            > flushall                             | false
            > info keyspace\\n# Keyspace\\ndb0:keys=1 | false
            SHOW=1 ./report.sh                     | true
            SET x y                                | true
            > /var/log/app.log                     | true
            kubectl get pods                       | true
            """)
    void anUnlabelledBlockOfSqlOrOfAClientsPromptIsTextNotShell(String block, boolean shell) {
        String text = block.replace("\\n", "\n");
        Step step = parse("# T\n\n```\n" + text + "\n```\n").sections().get(0).steps().get(0);
        assertThat(step.shell()).isEqualTo(shell);
        assertThat(step.text()).isEqualTo(text);
        if (!shell) {
            assertThat(step.commands()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ```\\n> info keyspace\\n> flushall                | redis-flush
            ```\\n> info keyspace\\n# Keyspace\\ndb0:keys=1    | -
            ```sql\\nDROP TABLE orders;                         | sql-drop
            ```sql\\nselect count(*) from orders;              | -
            ```\\nSTOP SLAVE;\\nDELETE FROM jobs;             | sql-delete
            ```yaml\\nquery: DROP TABLE orders;                | -
            ```bash\\nredis-cli flushall                        | -
            """)
    void aBlockSentToAClientAsTextCarriesTheDangerOfItsStatements(String block, String rule) {
        Step step = parse("# T\n\n" + block.replace("\\n", "\n") + "\n```\n").sections().get(0).steps().get(0);
        assertThat(step.danger() == null ? null : step.danger().rule()).isEqualTo(rule);
        if (step.shell()) {
            assertThat(step.commands()).extracting(c -> c.danger().rule()).containsExactly("redis-flush");
        }
    }

    @Test
    void aCommandWrittenOnTheFenceLineIsKeptWithAWarning() {
        Runbook r = parse("# T\n\n```REDISCLI_AUTH=$(cat pw) redis-cli\n127.0.0.1:6379> SLOWLOG GET 10\n```\n");

        Step step = r.sections().get(0).steps().get(0);
        assertThat(step.language()).isEmpty();
        assertThat(step.commands()).first().satisfies(c -> {
            assertThat(c.text()).startsWith("REDISCLI_AUTH=$(cat pw) redis-cli");
            assertThat(c.line()).isEqualTo(3);
        });
        assertThat(r.warnings()).extracting(ParseWarning::line).containsExactly(3);
    }

    @Test
    void malformedMarkdownGivesAModelWithLineNumberedWarnings() {
        Runbook r = parse("""
                # Broken

                | A | B | C | D |
                |---|---|---|---|
                | 1 | 2 | 3 |

                ```bash
                echo never closed
                """);

        assertThat(r.warnings()).extracting(ParseWarning::toString).containsExactly(
                "line 5: table row has 3 cells, header has 4",
                "line 7: unterminated code fence at line 7; it runs to the end of its list item or of the file");
        assertThat(r.commands()).extracting(Command::text).containsExactly("echo never closed");
    }

    @Test
    void aHeadingLosesItsTrailingAnchorAndBlanksButKeepsOtherBraces() {
        Runbook r = parse("# Restore {#restore}  \n\n## Use {braces} here\n\n## Then {#a} {#b}\n\n## Plain\n");

        assertThat(r.sections()).extracting(Section::title)
                .containsExactly("Restore", "Use {braces} here", "Then {#a}", "Plain");
    }

    @Test
    void inlineRunsMergeAdjacentPiecesOfOneStyleAndKeepEachStyleApart() {
        Runbook r = parse("# T\n\nplain **bold** and *em*\nnext line `code` [link](x) \\\nend\n");

        Block.Text paragraph = (Block.Text) section(r, "T").blocks().get(1);
        assertThat(paragraph.inlines()).extracting(Inline::text, Inline::style).containsExactly(
                tuple("plain ", Inline.Style.PLAIN), tuple("bold", Inline.Style.STRONG),
                tuple(" and ", Inline.Style.PLAIN), tuple("em", Inline.Style.EMPHASIS),
                tuple(" next line ", Inline.Style.PLAIN), tuple("code", Inline.Style.CODE),
                tuple(" ", Inline.Style.PLAIN), tuple("link", Inline.Style.LINK),
                tuple(" \nend", Inline.Style.PLAIN));
    }

    @Test
    void aTableRowOfAnotherWidthIsReportedAlsoInsideABlockQuote() {
        Runbook r = parse("# T\n\n| a | b |\n|---|---|\n| 1 |\n| x \\| y | z |\n\n> | a | b |\n> |---|---|\n"
                + "> | 1 | 2 | 3 |\n\n> > | a |\n> > |---|\n> > | 1 | 2 |\n");

        assertThat(r.warnings()).extracting(ParseWarning::toString).containsExactly(
                "line 5: table row has 1 cells, header has 2", "line 10: table row has 3 cells, header has 2",
                "line 14: table row has 2 cells, header has 1");
    }

    @Test
    void textWithoutHeadingsIsOneSectionNamedAfterTheFile() {
        Runbook r = parser.parse(Path.of("notes/restart-db.txt"), "Restart it:\n\n    systemctl restart db\n");

        assertThat(r.title()).isEqualTo("restart-db");
        assertThat(r.sections()).extracting(Section::pathString).containsExactly("restart-db");
        assertThat(r.commands()).extracting(Command::text).containsExactly("systemctl restart db");
        assertThat(r.warnings()).extracting(ParseWarning::message).containsExactly(
                "no headings: the whole file is read as one section");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"empty, 0, the file is empty", "blank, 1, the file is empty", "binary, 2, binary content"})
    void emptyAndBinaryInputGiveAnEmptyModelWithAWarning(String name, int sample, String warning) {
        String text = List.of("", "   \n\n  \t\n", "\u0000\u0001\u0002\u0003PNG\u0000\u0000\u0000\u0005").get(sample);

        Runbook r = parse(text);

        assertThat(r.sections()).isEmpty();
        assertThat(r.title()).isEqualTo("sample");
        assertThat(r.warnings()).extracting(ParseWarning::message).anyMatch(m -> m.startsWith(warning));
    }

    @Test
    void aStrayNulByteInTextIsReplacedAndReported() {
        Runbook r = parse("# Title\n\nline two\u0000\n");

        assertThat(r.sections()).hasSize(1);
        assertThat(r.warnings()).extracting(ParseWarning::line, ParseWarning::message)
                .containsExactly(tuple(3, "binary content: NUL bytes in the text were replaced"));
    }

    @Test
    void malformedUtf8OnDiskIsReplacedAndReported(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.md");
        Files.write(file, new byte[] {'#', ' ', 'C', 'a', 'f', (byte) 0xE9, '\n'});

        Runbook r = parser.parse(file);

        assertThat(r.title()).isEqualTo("Caf\uFFFD");
        assertThat(r.warnings()).extracting(ParseWarning::line).containsExactly(1);
        assertThat(r.warnings().get(0).message()).contains("not valid UTF-8");
    }

    @Test
    void eachCommandOfALatin1RunbookHoldingUFFFDIsWarnedAboutAtItsOwnLine(@TempDir Path dir) throws IOException {
        // "café" saved as ISO-8859-1: the é is the byte 0xE9, which UTF-8 does not decode
        String text = "# Caf\u00e9\n\n## Resolution\n\n```bash\nsystemctl restart caf\u00e9-api\nuptime\n```\n\n"
                + "- Then check it: `kubectl get pods -l app=caf\u00e9-api`\n";
        Path file = Files.write(dir.resolve("cafe.md"), text.getBytes(StandardCharsets.ISO_8859_1));

        Runbook r = parser.parse(file);

        assertThat(r.commands()).extracting(Command::text).contains("uptime");
        assertThat(r.commands()).filteredOn(c -> c.undecodedWarning() != null).extracting(Command::line)
                .containsExactly(6, 10);
        assertThat(r.warnings()).extracting(ParseWarning::line).containsExactly(1, 6, 10);
        assertThat(r.warnings().get(1).message()).contains("U+FFFD", "restart caf\uFFFD-api", "save the runbook as UTF-8");
        assertThat(r.warnings().get(2).message()).contains("app=caf\uFFFD-api");
    }

    @Test
    void theSameRunbookInUtf8HasNoCommandWarning(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("cafe.md"),
                "# Caf\u00e9\n\n## Resolution\n\n```bash\nsystemctl restart caf\u00e9-api\n```\n");

        Runbook r = parser.parse(file);

        assertThat(r.warnings()).isEmpty();
        assertThat(r.commands()).singleElement().satisfies(c -> assertThat(c.undecodedWarning()).isNull());
    }

    @Test
    void anOversizedFileIsCutAtALineEndWithAWarning(@TempDir Path dir) throws IOException {
        String paragraph = "log \u00e9 ".repeat(200) + "\n\n";
        String text = "# Huge\n\n" + paragraph.repeat(SourceText.MAX_CHARS / paragraph.length() + 10);
        Path file = Files.writeString(dir.resolve("huge.md"), text);

        Runbook r = parser.parse(file);

        assertThat(r.title()).isEqualTo("Huge");
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.message()).contains("larger than 2 MiB");
            assertThat(w.line()).isGreaterThan(2_000);
        });
    }

    @Test
    void aMissingFileIsAnIoException(@TempDir Path dir) {
        assertThatThrownBy(() -> parser.parse(dir.resolve("absent.md"))).isInstanceOf(NoSuchFileException.class);
    }
}
