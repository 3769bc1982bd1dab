package dev.incidentconsole.exec.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** This machine's process table as {@code ps} shows it to any user: where a secret must never appear. */
public final class ProcessTable {
    private ProcessTable() {
    }

    /** A secret with a line break, quotes, a backslash and a {@code $}, whose first line is unique to one test. */
    public static String secret() {
        return "s3cret-" + UUID.randomUUID() + "\nline 'two' \"$HOME\" \\ end";
    }

    /** The command lines (arguments joined by spaces) of every process whose command line holds {@code text}. */
    public static List<String> commandLinesHolding(String text) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String line;
                try {
                    line = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                } catch (IOException gone) { // the process ended while listing
                    continue;
                }
                if (line.contains(text)) {
                    found.add(p.getFileName() + ": " + line);
                }
            }
        }
        return found;
    }

    /** Prints {@code $IC_SECRET} in brackets and {@code $PLAIN}, then what it reads on stdin. */
    public static final String SECRET_PRINTER = "printf '[%s] %s\\n' \"$IC_SECRET\" \"$PLAIN\"; read line;"
            + " echo \"read:$line\"; cat; echo 'end of input'; ";

    /** The {@code sleep SECONDS} processes on this machine (an in-process or loopback server's commands too). */
    public static List<ProcessHandle> sleeps(String seconds) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").endsWith("sleep")
                        && List.of(p.info().arguments().orElse(new String[0])).contains(seconds))
                .toList();
    }
}
