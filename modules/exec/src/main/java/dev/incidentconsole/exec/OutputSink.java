package dev.incidentconsole.exec;

import dev.incidentconsole.runbook.SecretMasker;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a run's lines go: numbered in arrival order, the last {@code tailLines} (and at most
 * {@code tailChars} characters) kept in memory, every line written to {@code file} with its secrets
 * masked (stdout and stderr interleaved as they arrived; the file readable by its owner only), and each
 * passed to the listeners as printed, for a screen that masks and reveals. Memory stays bounded whatever
 * the command prints; the file holds all of it. Thread-safe: both stream readers feed one sink.
 */
public final class OutputSink implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(OutputSink.class);
    /** What opens a line of the console's own among a command's output ({@link #note}). */
    static final String NOTE_PREFIX = "incident-console: ";

    private final Path file;
    private final int tailLines;
    private final long tailChars;
    private final ArrayDeque<OutputLine> tail = new ArrayDeque<>();
    private final List<OutputListener> listeners = new CopyOnWriteArrayList<>();
    private final SecretMasker.LineMasker stdoutMask;
    private final SecretMasker.LineMasker stderrMask;
    private OutputStream out;
    private long seq;
    private long chars;
    private long bytes;
    private boolean closed;

    public OutputSink(Path file, int tailLines, long tailChars) throws IOException {
        this(file, tailLines, tailChars, SecretMasker.standard());
    }

    /** @param masker masks the lines written to the file */
    public OutputSink(Path file, int tailLines, long tailChars, SecretMasker masker) throws IOException {
        if (tailLines < 1 || tailChars < 1) {
            throw new IllegalArgumentException("the output tail must keep at least one line");
        }
        this.file = file;
        this.tailLines = tailLines;
        this.tailChars = tailChars;
        this.stdoutMask = masker.lines();
        this.stderrMask = masker.lines();
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.out = new BufferedOutputStream(Files.newOutputStream(OwnerOnlyFiles.create(file)), 1 << 16);
    }

    /** Adds a listener; with {@code replay} it first receives the lines still in the tail. */
    public synchronized void addListener(OutputListener listener, boolean replay) {
        if (replay) {
            tail.forEach(line -> deliver(listener, line));
        }
        listeners.add(listener);
    }

    public void removeListener(OutputListener listener) {
        listeners.remove(listener);
    }

    /** Records one line of {@code len} bytes from {@code bytes[0..len)}, without its line break. */
    synchronized void accept(OutputLine.Source source, byte[] data, int len) {
        if (closed) {
            return;
        }
        String text = new String(data, 0, len, StandardCharsets.UTF_8);
        String masked = (source == OutputLine.Source.STDERR ? stderrMask : stdoutMask).mask(text);
        if (masked == text) {
            writeToFile(data, len);
        } else {
            byte[] bytes = masked.getBytes(StandardCharsets.UTF_8);
            writeToFile(bytes, bytes.length);
        }
        OutputLine line = new OutputLine(++seq, source, text, Instant.now());
        tail.addLast(line);
        chars += line.text().length();
        while (tail.size() > tailLines || (chars > tailChars && tail.size() > 1)) {
            chars -= tail.removeFirst().text().length();
        }
        for (OutputListener listener : listeners) {
            deliver(listener, line);
        }
    }

    /**
     * Adds a line of the console's own, about the run (why it hangs), to its error stream, prefixed so that the stored
     * step and the postmortem do not read it as the command's own output.
     */
    void note(String text) {
        byte[] bytes = (NOTE_PREFIX + text).getBytes(StandardCharsets.UTF_8);
        accept(OutputLine.Source.STDERR, bytes, bytes.length);
    }

    private void writeToFile(byte[] data, int len) {
        if (out == null) {
            return;
        }
        try {
            out.write(data, 0, len);
            out.write('\n');
            bytes += len + 1L;
        } catch (IOException e) {
            LOG.warn("Output file {} could not be written ({}); keeping only the in-memory tail", file, e.toString());
            closeQuietly();
        }
    }

    /**
     * Writes what is buffered to the file: called once per chunk read, so the file holds what the listeners were
     * given even when the process is killed (kill -9) before {@link #close()}.
     */
    synchronized void flush() {
        if (out == null) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            LOG.warn("Output file {} could not be written ({}); keeping only the in-memory tail", file, e.toString());
            closeQuietly();
        }
    }

    private static void deliver(OutputListener listener, OutputLine line) {
        try {
            listener.onLine(line);
        } catch (RuntimeException e) {
            LOG.warn("Output listener {} failed on line {}", listener, line.seq(), e);
        }
    }

    /** The lines still in memory, oldest first. */
    public synchronized List<OutputLine> tail() {
        return List.copyOf(tail);
    }

    /** Lines received so far, including those no longer in the tail. */
    public synchronized long lineCount() {
        return seq;
    }

    /** Bytes written to the file so far (line breaks included). */
    public synchronized long byteCount() {
        return bytes;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly();
    }

    private void closeQuietly() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("Output file {} could not be closed: {}", file, e.toString());
            }
            out = null;
        }
    }
}
