package dev.incidentconsole.exec;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads one output stream to its end, cutting it into lines for an {@link OutputSink}. */
final class LineReader implements Runnable {
    /** Longest line kept whole; longer ones are cut so a newline-free stream cannot exhaust memory. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(LineReader.class);

    private final InputStream in;
    private final OutputLine.Source source;
    private final OutputSink sink;

    LineReader(InputStream in, OutputLine.Source source, OutputSink sink) {
        this.in = in;
        this.source = source;
        this.sink = sink;
    }

    @Override
    public void run() {
        byte[] buf = new byte[64 * 1024];
        byte[] line = new byte[MAX_LINE_BYTES];
        int lineLen = 0;
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                for (int k = 0; k < n; k++) {
                    byte b = buf[k];
                    if (b == '\n') {
                        sink.accept(source, line, trimCr(line, lineLen));
                        lineLen = 0;
                    } else {
                        if (lineLen == line.length) {
                            sink.accept(source, line, lineLen);
                            lineLen = 0;
                        }
                        line[lineLen++] = b;
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("{} stream closed while reading: {}", source, e.toString());
        } finally {
            if (lineLen > 0) {
                sink.accept(source, line, trimCr(line, lineLen));
            }
        }
    }

    private static int trimCr(byte[] line, int len) {
        return len > 0 && line[len - 1] == '\r' ? len - 1 : len;
    }
}
