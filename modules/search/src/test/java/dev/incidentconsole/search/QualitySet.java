package dev.incidentconsole.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The search evaluation set ({@code quality/queries.tsv}): queries as a paged engineer types them, each with every
 * section a reasonable engineer would accept. Rows are {@code kind TAB query TAB accepted}, accepted entries
 * {@code folder/file.md#Heading > Path suffix} separated by {@code " | "}; {@code #} lines are comments.
 */
record QualitySet(List<QualityQuery> queries) {

    static final String RESOURCE = "/quality/queries.tsv";

    /**
     * @param row      1-based line in the file, for error messages
     * @param kind     symptom, howto, alert or error
     * @param accepted folder-relative file and heading path suffix of each acceptable section
     */
    record QualityQuery(int row, String kind, String text, List<Accepted> accepted) {
        /** Rows alternate between the half that ranking changes may be tuned on and the half kept for checking. */
        boolean heldOut() {
            return row % 2 == 1;
        }
    }

    /** @param file e.g. {@code corpus/etcd__recovery.md}; @param headings the end of the section's heading path */
    record Accepted(String file, List<String> headings) {
    }

    static QualitySet load() {
        try (InputStream in = QualitySet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static QualitySet parse(String tsv) {
        List<QualityQuery> queries = new ArrayList<>();
        String[] lines = tsv.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length != 3) {
                throw new IllegalArgumentException(RESOURCE + " line " + (i + 1) + ": expected 3 tab-separated columns,"
                        + " found " + cols.length);
            }
            List<Accepted> accepted = new ArrayList<>();
            for (String entry : cols[2].split(" \\| ")) {
                int hash = entry.indexOf('#');
                if (hash < 0) {
                    throw new IllegalArgumentException(RESOURCE + " line " + (i + 1) + ": '" + entry
                            + "' has no #heading");
                }
                accepted.add(new Accepted(entry.substring(0, hash).strip(),
                        Arrays.stream(entry.substring(hash + 1).split(" > ")).map(String::strip).toList()));
            }
            queries.add(new QualityQuery(i + 1, cols[0].strip(), cols[1].strip(), List.copyOf(accepted)));
        }
        return new QualitySet(List.copyOf(queries));
    }
}
