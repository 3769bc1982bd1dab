package dev.incidentconsole.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineReaderTest {
    @TempDir
    Path dir;

    @Test
    void overlongLineIsCutWithoutLosingBytes() throws Exception {
        String longLine = "x".repeat(LineReader.MAX_LINE_BYTES * 2 + 10);
        byte[] data = (longLine + "\nshort\r\nlast").getBytes(StandardCharsets.UTF_8);
        try (OutputSink sink = new OutputSink(dir.resolve("out.log"), 100, 1L << 30)) {
            // a stream that hands out small reads, so lines span many buffers
            InputStream trickle = new ByteArrayInputStream(data) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    return super.read(b, off, Math.min(len, 1000));
                }
            };
            new LineReader(trickle, OutputLine.Source.STDOUT, sink).run();
            assertThat(sink.tail()).extracting(OutputLine::text).containsExactly("x".repeat(LineReader.MAX_LINE_BYTES),
                    "x".repeat(LineReader.MAX_LINE_BYTES), "x".repeat(10), "short", "last");
        }
        assertThat(Files.readString(dir.resolve("out.log")).replace("\n", ""))
                .isEqualTo(longLine + "shortlast");
    }
}
