package dev.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises headings that name an alert: {@code Alert: `AragoraDown`}, {@code HighErrorRate Alert},
 * {@code Alert Name: "KubeAPIDown"}, {@code HighCPUUsage / HighMemoryUsage Alerts}, or a heading that is just
 * an alert identifier such as {@code KubePodCrashLooping} or {@code etcdMembersDown}.
 */
final class AlertNames {

    private static final Pattern ALERT_WORD = Pattern.compile("(?i)\\balerts?\\b");
    private static final Pattern QUOTED = Pattern.compile("[`\"']([A-Za-z_][\\w:.-]{2,})[`\"']");
    private static final Pattern CODE_NAME = Pattern.compile("[A-Za-z_][\\w:.-]{2,}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private AlertNames() {
    }

    static List<Alert> find(List<Section> sections) {
        List<Alert> out = new ArrayList<>();
        for (Section s : sections) {
            if (s.label() || s.path().isEmpty()) {
                continue;
            }
            List<String> code = new ArrayList<>();
            if (!s.blocks().isEmpty() && s.blocks().get(0) instanceof Block.Text heading) {
                heading.inlines().stream().filter(i -> i.style() == Inline.Style.CODE)
                        .forEach(i -> code.add(i.text()));
            }
            List<String> names = names(s.title(), code);
            if (names.isEmpty() && s.level() == 1 && hasMeaningSection(sections, s)) {
                String joined = SPACES.matcher(s.title()).replaceAll("");
                names = isIdentifier(joined) ? List.of(joined) : List.of();
            }
            for (String name : names) {
                out.add(new Alert(name, s.line(), s.path()));
            }
        }
        return out;
    }

    /**
     * Alert runbooks in the Prometheus style have a "Meaning" section right below the title; their title is the
     * alert name, sometimes written with spaces ("CPU Throttling High" for {@code CPUThrottlingHigh}).
     */
    private static boolean hasMeaningSection(List<Section> sections, Section top) {
        for (int i = top.index() + 1; i < sections.size() && sections.get(i).level() > top.level(); i++) {
            Section s = sections.get(i);
            if (s.level() == top.level() + 1 && LabelKinds.normalize(s.title()).equals("meaning")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The alert names a heading states, possibly none.
     *
     * @param codeSpans the text of the heading's code spans, which hold the name in {@code Alert: `Foo`}
     */
    static List<String> names(String heading, List<String> codeSpans) {
        String h = heading.strip();
        Set<String> names = new LinkedHashSet<>();
        if (isIdentifier(h) && Components.standard().canonical(h).isEmpty()) {
            names.add(h);
            return List.copyOf(names);
        }
        if (!h.toLowerCase(Locale.ROOT).contains("alert") || !ALERT_WORD.matcher(h).find()) {
            return List.of();
        }
        for (String code : codeSpans) {
            if (CODE_NAME.matcher(code.strip()).matches()) {
                names.add(code.strip());
            }
        }
        Matcher q = QUOTED.matcher(h);
        while (q.find()) {
            names.add(q.group(1));
        }
        if (names.isEmpty()) {
            Matcher t = TOKEN.matcher(h);
            while (t.find()) {
                if (isIdentifier(t.group()) && Components.standard().canonical(t.group()).isEmpty()) {
                    names.add(t.group());
                }
            }
        }
        return List.copyOf(names);
    }

    /**
     * An alert identifier is one CamelCase word: letters and digits, a lower-case letter, and an upper-case
     * letter after the first character ({@code TargetDown}, {@code etcdMembersDown}, {@code DNSErrors}).
     */
    static boolean isIdentifier(String s) {
        if (s.length() < 5 || s.length() > 100 || !IDENTIFIER.matcher(s).matches()) {
            return false;
        }
        boolean lower = false;
        int upperAfterFirst = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            lower |= Character.isLowerCase(c);
            if (i > 0 && Character.isUpperCase(c)) {
                upperAfterFirst++;
            }
        }
        return lower && upperAfterFirst >= 1;
    }
}
