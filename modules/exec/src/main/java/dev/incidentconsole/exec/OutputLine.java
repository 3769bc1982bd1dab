package dev.incidentconsole.exec;

import java.time.Instant;

/**
 * One line a command printed, without its line break.
 *
 * @param seq    1-based position among all lines of the run, stdout and stderr together, in arrival order
 * @param source which stream printed it
 * @param text   the line decoded as UTF-8 (malformed bytes replaced); a line longer than
 *               {@link LineReader#MAX_LINE_BYTES} arrives cut into several lines
 * @param at     when it arrived
 */
public record OutputLine(long seq, Source source, String text, Instant at) {

    /** The stream a line came from. */
    public enum Source { STDOUT, STDERR }

    public boolean isError() {
        return source == Source.STDERR;
    }
}
