package dev.incidentconsole.runbook.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Generated runbooks of the shapes that made the parser slow or hungry (a million {@code [}, an unclosed front
 * matter of 200,000 lines, ...), each with the warning its cut must produce. Shared by {@code ParseBoundsTest},
 * which parses each in a 512 MB child JVM, and the bench that times them.
 */
public enum HostileRunbooks {
    BRACKETS("a million [ in one paragraph", "too much inline markup in one paragraph",
            out -> lines(out, "[".repeat(100), 10_000)),
    EMPHASIS_MARKERS("a million *_ in one paragraph", "too much inline markup in one paragraph",
            out -> lines(out, "*_".repeat(50), 20_000)),
    LINK_OPENERS("300,000 unclosed [a]( in one paragraph", "too much inline markup in one paragraph",
            out -> lines(out, "[a](".repeat(25), 12_000)),
    BACKTICK_RUNS("500,000 lone backticks in one paragraph", "too much inline markup in one paragraph",
            out -> lines(out, "` ".repeat(50), 10_000)),
    TAG_OPENERS_EVERYWHERE("600 paragraphs of unclosed <a tags", "too much inline markup in the file",
            out -> {
                for (int p = 0; p < 600; p++) {
                    lines(out, "<a ".repeat(33), 30);
                    out.accept("\n");
                }
            }),
    UNCLOSED_FRONT_MATTER("front matter never closed, 200,000 lines", "is not closed within 500 lines",
            out -> {
                out.accept("---\n");
                lines(out, "key: value", 200_000);
            }),
    FILE_50_MB("a 50 MB file of ordinary sections", "larger than 2 MiB",
            out -> {
                for (int i = 0; i < 400_000; i++) {
                    out.accept("## Step " + i + "\n\nRestart the worker and check its **logs** for `errors`.\n\n"
                            + "```bash\nkubectl -n prod logs deploy/worker-" + i + " --tail=100\n```\n\n");
                }
            }),
    LINE_10_MB("one line of 10 MB", "longer than 10000 characters",
            out -> {
                for (int i = 0; i < 100; i++) {
                    out.accept("word ".repeat(20_000));
                }
                out.accept("\n");
            }),
    HEADINGS_100K("100,000 headings", null,
            out -> {
                for (int i = 0; i < 100_000; i++) {
                    out.accept("## Heading " + i + "\n");
                }
            }),
    CODE_BLOCK_100K("a shell block of 100,000 lines", "lines of shell in the file",
            out -> {
                out.accept("# Cleanup\n\n```bash\n");
                for (int i = 0; i < 100_000; i++) {
                    out.accept("ls /var/log/" + i + "\n");
                }
                out.accept("```\n");
            }),
    LIST_NESTED_ON_ONE_LINE("100,000 list markers on one line", "longer than 10000 characters",
            out -> out.accept("- ".repeat(100_000) + "deep\n")),
    LIST_NESTED_BY_INDENT("a list nested 1,400 levels by indentation", "indentation was cut after 200 characters",
            out -> {
                for (int i = 0; i < 1_400; i++) {
                    out.accept("  ".repeat(i) + "- item " + i + "\n");
                }
            }),
    QUOTES_NESTED("2,000 lines of quotes nested 1,000 deep", "nested more than 40 levels",
            out -> lines(out, "> ".repeat(1_000) + "quoted", 1_000)),
    TABLE_2400_COLUMNS("a table of 2,400 columns and 200 rows", null,
            out -> {
                out.accept("| S ".repeat(2_400) + "|\n" + "|---".repeat(2_400) + "|\n");
                lines(out, "| c ".repeat(2_400) + "|", 200);
            }),
    TABLE_100K_COLUMNS("a table of 100,000 columns", "longer than 10000 characters",
            out -> out.accept("| a ".repeat(100_000) + "|\n" + "|---".repeat(100_000) + "|\n"
                    + "| x ".repeat(100_000) + "|\n")),
    BACKTICKS_ONE_LINE("a million backticks on one line", "longer than 10000 characters",
            out -> out.accept("`".repeat(1_000_000) + "\n")),
    DELIMITER_ROWS_PARAGRAPH("a paragraph of 200,000 lines that look like table delimiter rows", null,
            out -> {
                out.accept("text\n");
                lines(out, "| - |", 200_000);
            }),
    ORDERED_ITEMS_PARAGRAPH("a paragraph of 200,000 list items that cannot interrupt it", null,
            out -> {
                out.accept("text\n");
                lines(out, "2. x", 200_000);
            });

    private final String description;
    private final String expectedWarning;
    private final Consumer<Consumer<String>> generator;

    HostileRunbooks(String description, String expectedWarning, Consumer<Consumer<String>> generator) {
        this.description = description;
        this.expectedWarning = expectedWarning;
        this.generator = generator;
    }

    public String description() {
        return description;
    }

    /** A fragment of the warning the parse must give, or {@code null} when the input parses whole. */
    public String expectedWarning() {
        return expectedWarning;
    }

    /** Writes the runbook to {@code dir/NAME.md} without holding it in memory; returns the file. */
    public Path write(Path dir) throws IOException {
        Path file = dir.resolve(name().toLowerCase(java.util.Locale.ROOT) + ".md");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            IOException[] failed = new IOException[1];
            generator.accept(s -> {
                try {
                    w.write(s);
                } catch (IOException e) {
                    failed[0] = e;
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
        }
        return file;
    }

    private static void lines(Consumer<String> out, String line, int count) {
        for (int i = 0; i < count; i++) {
            out.accept(line);
            out.accept("\n");
        }
    }
}
