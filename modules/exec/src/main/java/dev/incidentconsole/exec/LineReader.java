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
                int k = 0;
                while (k < n) {
                    int nl = indexOf(buf, k, n);
                    int end = nl < 0 ? n : nl;
                    while (k < end) {
                        if (lineLen == line.length) {
                            sink.accept(source, line, lineLen);
                            lineLen = 0;
                        }
                        int chunk = Math.min(end - k, line.length - lineLen);
                        System.arraycopy(buf, k, line, lineLen, chunk);
                        lineLen += chunk;
                        k += chunk;
                    }
                    if (nl >= 0) {
                        sink.accept(source, line, trimCr(line, lineLen));
                        lineLen = 0;
                        k = nl + 1;
                    }
                }
                sink.flush();
            }
        } catch (IOException e) {
            LOG.debug("{} stream closed while reading: {}", source, e.toString());
        } finally {
            if (lineLen > 0) {
                sink.accept(source, line, trimCr(line, lineLen));
            }
        }
    }

    private static int indexOf(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int trimCr(byte[] line, int len) {
        return len > 0 && line[len - 1] == '\r' ? len - 1 : len;
    }
}
