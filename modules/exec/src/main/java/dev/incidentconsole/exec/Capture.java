package dev.incidentconsole.exec;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to take a value from a previous step's standard output, e.g. the pod name from
 * {@code kubectl get pods}. Works on the lines kept in the run's tail.
 */
public sealed interface Capture {

    /** The value, or empty when the output does not contain one. */
    Optional<String> from(List<String> stdoutLines);

    /** The first match of {@code regex} on any line: its group 1 when it has groups, else the whole match. */
    static Capture regex(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return new Regex(pattern, pattern.matcher("").groupCount() > 0 ? 1 : 0);
    }

    /** Column {@code column} (1-based, whitespace separated) of line {@code line} (1-based; -1 is the last). */
    static Capture column(int line, int column) {
        return new Column(line, column);
    }

    /** "First column of line N": the usual way to pick a name from a kubectl or docker table. */
    static Capture firstColumnOfLine(int line) {
        return new Column(line, 1);
    }

    /** A regular expression capture. */
    record Regex(Pattern pattern, int group) implements Capture {
        @Override
        public Optional<String> from(List<String> stdoutLines) {
            for (String line : stdoutLines) {
                Matcher m = pattern.matcher(line);
                if (m.find() && m.group(group) != null) {
                    return Optional.of(m.group(group));
                }
            }
            return Optional.empty();
        }
    }

    /** A column of one line. */
    record Column(int line, int column) implements Capture {
        public Column {
            if (line == 0 || column < 1) {
                throw new IllegalArgumentException("lines count from 1 (or -1 for the last), columns from 1");
            }
        }

        @Override
        public Optional<String> from(List<String> stdoutLines) {
            int index = line > 0 ? line - 1 : stdoutLines.size() + line;
            if (index < 0 || index >= stdoutLines.size()) {
                return Optional.empty();
            }
            String[] cells = stdoutLines.get(index).strip().split("\\s+");
            return column <= cells.length && !cells[column - 1].isEmpty()
                    ? Optional.of(cells[column - 1]) : Optional.empty();
        }
    }
}
