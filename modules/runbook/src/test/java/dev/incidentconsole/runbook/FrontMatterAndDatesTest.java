package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrontMatterAndDatesTest {

    private final RunbookParser parser = new RunbookParser();

    private Runbook parse(String markdown) {
        return parser.parse(Path.of("fm.md"), markdown);
    }

    @Test
    void frontMatterIsReadAndLineNumbersStillMatchTheFile() {
        Runbook r = parse("""
                ---
                title: Kube Pod Crash Looping
                weight: 20
                tags: [kubernetes, pods]
                owner:
                ---

                # KubePodCrashLooping

                ```bash
                kubectl get pods
                ```
                """);

        assertThat(r.frontMatter()).containsEntry("title", "Kube Pod Crash Looping").containsEntry("weight", 20)
                .containsEntry("tags", List.of("kubernetes", "pods")).containsEntry("owner", "");
        assertThat(r.title()).isEqualTo("KubePodCrashLooping");
        assertThat(r.sections()).extracting(Section::line).containsExactly(8);
        assertThat(r.commands()).extracting(Command::line).containsExactly(11);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void theFrontMatterTitleIsUsedWhenThereIsNoTopHeading() {
        Runbook r = parse("---\ntitle: Disk Full\n---\n\n## Meaning\n\nDisk is full.\n");
        assertThat(r.title()).isEqualTo("Disk Full");
    }

    @Test
    void invalidYamlIsReportedAndTheRestStillReads() {
        Runbook r = parse("---\ntitle: [unclosed\n---\n\n# Real Title\n");

        assertThat(r.frontMatter()).isEmpty();
        assertThat(r.title()).isEqualTo("Real Title");
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(1);
            assertThat(w.message()).startsWith("front matter (lines 1-3) is not valid YAML");
        });
    }

    @Test
    void aLeadingRuleWithoutClosingFenceIsNotFrontMatter() {
        Runbook r = parse("---\n\n# Title\n\ntext\n");
        assertThat(r.frontMatter()).isEmpty();
        assertThat(r.title()).isEqualTo("Title");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            **Last Updated:** 2025-12-06                | 2025-12-06
            *Last updated: 2026-01-13*                  | 2026-01-13
            Last updated: December 6, 2025              | 2025-12-06
            _Last reviewed_ - 6 Dec 2025                | 2025-12-06
            Last modified 2024/02/29 by ops             | 2024-02-29
            Updated on Mar 3rd, 2024                    | 2024-03-03
            Last Updated: 2025-13-45                    | ''
            Last updated: soon                          | ''
            """)
    void aStatedLastUpdatedDateIsFound(String line, String expected) {
        assertThat(parse("# T\n\n" + line + "\n").lastUpdated()).isEqualTo(date(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            last_updated: 2024-05-01   | 2024-05-01
            date: 2023-01-02           | 2023-01-02
            lastmod: '2022-03-04'      | 2022-03-04
            weight: 20                 | ''
            """)
    void frontMatterDatesAreUsedWhenTheTextStatesNone(String yaml, String expected) {
        assertThat(parse("---\n" + yaml + "\n---\n# T\n").lastUpdated()).isEqualTo(date(expected));
    }

    @Test
    void aDateInTheTextWinsOverTheFrontMatterDate() {
        Runbook r = parse("---\ndate: 2020-01-01\n---\n# T\n\nLast updated: 2025-06-30\n");
        assertThat(r.lastUpdated()).isEqualTo(LocalDate.of(2025, 6, 30));
    }

    private static LocalDate date(String iso) {
        return iso == null || iso.isEmpty() ? null : LocalDate.parse(iso);
    }
}
