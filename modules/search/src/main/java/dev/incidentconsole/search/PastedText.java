package dev.incidentconsole.search;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Reduces what an engineer pasted from a terminal or log to the words that say what went wrong: timestamps,
 * log levels and prefixes, ids, addresses, durations, source locations and logfmt keys say nothing about which
 * runbook answers, and a rare id among them would outweigh the message. Also tells hand-typed text from a
 * pasted line, whose quotes are the log's own and not a request for an exact phrase. Regular expressions by
 * hand: no library knows the log shapes of our tools, and each rule is one line that names what it removes.
 */
final class PastedText {

    /** Pieces of a log line that carry no meaning, in the order they are removed. */
    private static final List<Pattern> NOISE = List.of(
            // 2026-11-01T03:12:44.512Z, 2026-11-01 03:14:07.112 UTC, 2026/11/01
            Pattern.compile("\\b\\d{4}[-/]\\d{2}[-/]\\d{2}(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2}|\\s+UTC)?\\b"),
            // 03:14:22.001, 03:14
            Pattern.compile("\\b\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?\\b"),
            // klog prefix: I0312, E1101
            Pattern.compile("(?<![\\w.])[IWEF]\\d{4}\\b"),
            // UUIDs and hex ids: 0x55d0c8a2e0f0, 3f9a0c1e-..., a 12+ hex run with a digit
            Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b"),
            Pattern.compile("\\b0x[0-9a-fA-F]+\\b"),
            Pattern.compile("\\b(?=[0-9a-f]*\\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,}\\b"),
            // IPv4 addresses with an optional port
            Pattern.compile("\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d+)?\\b"),
            // source locations: push.go:154, drain_controller.go:173]
            Pattern.compile("\\b[\\w-]+\\.(?:go|py|java|rb|js|ts|rs|c|cc|cpp|h|scala|kt):\\d+\\b"),
            // log levels: level=warn as a whole
            Pattern.compile("\\b(?:level|lvl|severity)=\\S+", Pattern.CASE_INSENSITIVE),
            // logfmt keys that only frame the message: ts=..., caller=, msg=
            Pattern.compile("\\b(?:ts|time|caller|msg|message|component|tenant|org_id|traceID|trace_id|"
                    + "span_id|request_id|req_id|user|duration|took)=", Pattern.CASE_INSENSITIVE),
            // log levels as a word of their own
            Pattern.compile("(?<![\\w-])(?:INFO|WARN|WARNING|DEBUG|TRACE|NOTICE)(?![\\w-])"),
            // durations and counts: 1m30s, 120s, (x15 over 17m), age=120s
            Pattern.compile("\\b\\d+(?:\\.\\d+)?(?:ns|us|µs|ms|s|m|h|d)(?:\\d+(?:\\.\\d+)?(?:ms|s|m))*\\b"),
            Pattern.compile("\\(x\\d+ over [^)]*\\)"),
            // numbers of six digits or more (pids, byte counts, ids); shorter ones may be codes (429, 53300)
            Pattern.compile("\\b\\d{6,}\\b"),
            // numeric suffixes of names: xlogtemp.48213, kafka-0 keeps its name
            Pattern.compile("(?<=[A-Za-z])\\.\\d{3,}\\b"));

    /** Signs of a pasted line: a timestamp, a log level or klog prefix, logfmt, a source location, an id. */
    private static final Pattern PASTED = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}|\\d{2}:\\d{2}:\\d{2}|\\b(?:ERROR|FATAL|PANIC|WARN|WARNING|INFO)\\b[: ]"
                    + "|(?<![\\w.])[IWEF]\\d{4}\\b|\\b\\w+=\\S|\\.(?:go|py|java):\\d+"
                    + "|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-|\\b0x[0-9a-fA-F]{6,}|\\b\\d{6,}\\b");
    /** A longer text than this many words is a paste, not a query typed by hand. */
    private static final int TYPED_WORDS = 10;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private PastedText() {
    }

    /** Whether the text was pasted from a log or terminal rather than typed as a query. */
    static boolean pasted(String text) {
        return PASTED.matcher(text).find() || SPACES.split(text.strip()).length > TYPED_WORDS;
    }

    /** The text without the parts of a log line that carry no meaning; typed text is returned as it is. */
    static String reduce(String text) {
        if (!pasted(text)) {
            return text;
        }
        String out = text;
        for (Pattern p : NOISE) {
            out = p.matcher(out).replaceAll(" ");
        }
        return SPACES.matcher(out).replaceAll(" ").strip();
    }
}
