package dev.incidentconsole.runbook;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Turns file bytes into text the Markdown parser can take, noting what had to be repaired. */
final class SourceText {

    /** Runbooks are a few hundred lines; anything past this is cut so a stray log file cannot stall the app. */
    static final int MAX_CHARS = 2 * 1024 * 1024;
    /**
     * Longer lines are cut: no runbook line is this long, and commonmark's block parser is quadratic in the
     * list markers of one line ({@code - - - ...}).
     */
    static final int MAX_LINE_CHARS = 10_000;
    /**
     * Deeper indentation is cut to this: commonmark rescans a line's indentation for every list it is nested in,
     * so a list nested a thousand levels by indentation cost seconds.
     */
    static final int MAX_INDENT = 200;

    private SourceText() {
    }

    /** Cuts file bytes beyond {@link #MAX_CHARS} at a line end, so no UTF-8 sequence is split, and says so. */
    static byte[] capBytes(byte[] bytes, List<ParseWarning> warnings) {
        if (bytes.length <= MAX_CHARS) {
            return bytes;
        }
        int cut = MAX_CHARS;
        while (cut > 0 && bytes[cut - 1] != '\n') {
            cut--;
        }
        byte[] kept = Arrays.copyOf(bytes, cut > 0 ? cut - 1 : MAX_CHARS);
        int lines = 1;
        for (byte b : kept) {
            lines += b == '\n' ? 1 : 0;
        }
        warnings.add(tooLarge(lines));
        return kept;
    }

    private static ParseWarning tooLarge(int line) {
        return new ParseWarning(line, "the file is larger than " + MAX_CHARS / (1024 * 1024)
                + " MiB; only the part up to this line was read");
    }

    /** Decodes UTF-8, replacing malformed bytes with U+FFFD and warning once with the first bad line. */
    static String decode(byte[] bytes, List<ParseWarning> warnings) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return strict.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int bad = text.indexOf('\uFFFD');
            warnings.add(new ParseWarning(bad < 0 ? 0 : lineOf(text, bad),
                    "the file is not valid UTF-8; malformed bytes were replaced (save it as UTF-8 to fix)"));
            return text;
        }
    }

    /**
     * Cleans decoded text: drops a byte-order mark, cuts oversize input and detects binary content.
     *
     * @return the text to parse, or {@code null} when the content is binary and should not be parsed
     */
    static String clean(String text, List<ParseWarning> warnings) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (t.length() > MAX_CHARS) {
            int cut = t.lastIndexOf('\n', MAX_CHARS);
            t = t.substring(0, cut > 0 ? cut : MAX_CHARS);
            warnings.add(tooLarge(lineOf(t, t.length() - 1)));
        }
        t = cutLines(t, warnings);
        int nul = t.indexOf('\0');
        if (nul < 0) {
            return t;
        }
        int controls = 0;
        int sample = Math.min(t.length(), 64 * 1024);
        for (int i = 0; i < sample; i++) {
            char c = t.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == '\uFFFD') {
                controls++;
            }
        }
        // A stray NUL in a text file is repaired; a file where one character in ten is junk is not text.
        if (controls * 10 > sample && controls >= 3) {
            warnings.add(new ParseWarning(0, "binary content: the file is not a text runbook (NUL bytes from line "
                    + lineOf(t, nul) + "); nothing was read"));
            return null;
        }
        warnings.add(new ParseWarning(lineOf(t, nul), "binary content: NUL bytes in the text were replaced"));
        return t.replace('\0', '\uFFFD');
    }

    /**
     * Cuts every line after {@link #MAX_LINE_CHARS} characters and its leading blanks after {@link #MAX_INDENT},
     * warning once per kind of cut with the first line and how many more. One pass; {@code indexOf} finds the
     * line ends when there is no {@code \r}, as this runs over every file.
     */
    static String cutLines(String text, List<ParseWarning> warnings) {
        boolean cr = text.indexOf('\r') >= 0;
        int[] longLines = new int[2];
        int[] indents = new int[2];
        StringBuilder out = null;
        int copied = 0;
        int n = text.length();
        int start = 0;
        for (int line = 1; start <= n; line++) {
            int end = cr ? crLineEnd(text, start) : text.indexOf('\n', start);
            end = end < 0 ? n : end;
            int blanks = start;
            while (blanks < end && (text.charAt(blanks) == ' ' || text.charAt(blanks) == '\t')) {
                blanks++;
            }
            if (blanks - start > MAX_INDENT) {
                out = out == null ? new StringBuilder(n) : out;
                out.append(text, copied, start + MAX_INDENT);
                copied = blanks;
                note(indents, line);
            }
            if (end - start > MAX_LINE_CHARS) {
                out = out == null ? new StringBuilder(n) : out;
                int keep = start + MAX_LINE_CHARS;
                // Never split a surrogate pair.
                keep -= Character.isHighSurrogate(text.charAt(keep - 1)) ? 1 : 0;
                if (keep > copied) {
                    out.append(text, copied, keep);
                }
                copied = Math.max(copied, end);
                note(longLines, line);
            }
            start = end + (cr && end + 1 < n && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n' ? 2 : 1);
        }
        if (out == null) {
            return text;
        }
        out.append(text, copied, n);
        warn(warnings, longLines, "the line is longer than " + MAX_LINE_CHARS + " characters; it was cut after "
                + MAX_LINE_CHARS + " characters");
        warn(warnings, indents, "the line is indented by more than " + MAX_INDENT + " characters; its indentation"
                + " was cut after " + MAX_INDENT + " characters");
        return out.toString();
    }

    /** The offset of the next {@code \n} or {@code \r} from {@code from}, or -1. */
    static int crLineEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                return i;
            }
        }
        return -1;
    }

    /** {@code cuts[0]}: how many lines were cut, {@code cuts[1]}: the first one. */
    private static void note(int[] cuts, int line) {
        cuts[1] = cuts[0]++ == 0 ? line : cuts[1];
    }

    private static void warn(List<ParseWarning> warnings, int[] cuts, String message) {
        if (cuts[0] > 0) {
            warnings.add(new ParseWarning(cuts[1], message
                    + (cuts[0] > 1 ? " (and " + (cuts[0] - 1) + " more lines like it)" : "")));
        }
    }

    static int lineOf(CharSequence text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Splits into lines the way commonmark counts them (\n, \r\n or \r). */
    static String[] lines(String text) {
        SourceLines lines = new SourceLines(text);
        String[] out = new String[lines.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = lines.line(i + 1);
        }
        return out;
    }
}
