package dev.incidentconsole.runbook;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The vocabulary that tells what a heading or bold label is for ("Symptoms", "How to fix", "Resolution
 * Criteria"...), built from the wording of real runbooks. Rules are tried in order; the first match wins, so
 * "Resolution Criteria" is verification before it can be resolution, and "Common Causes &amp; Fixes" is
 * resolution before it can be cause.
 */
public final class LabelKinds {

    private record Rule(SectionKind kind, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            rule(SectionKind.VERIFICATION, "resolution criteria|success criteria|check(ing)? (the )?resolution"
                    + "|\\bverif|\\bvalidat|\\bconfirm|post[- ]checks?|expected (output|result)"),
            rule(SectionKind.ROLLBACK, "\\broll(ing)?[ -]?back\\b|\\brevert|\\bundo\\b|\\bback ?out\\b"),
            rule(SectionKind.ESCALATION, "\\bescalat|\\bcontacts?\\b|\\bowners?\\b|who to (call|page|contact)"),
            rule(SectionKind.PREVENTION, "\\bprevent|\\bavoid|long[- ]term|capacity planning|best practices?"
                    + "|\\bhardening\\b"),
            rule(SectionKind.SYMPTOM, "\\bsymptoms?\\b|\\bmeaning\\b|\\bimpact\\b|\\bsigns?\\b"
                    + "|understand(ing)? the alert"
                    + "|^alert$|^alert (condition|description|message)s?$|what (you|it) (see|looks? like)"
                    + "|\\bobserv(ed|able)\\b|^(message|description)$|when to use"),
            rule(SectionKind.DIAGNOSIS, "\\bdiagnos|\\binvestigat|\\btroubleshoot|\\bdebug|\\btriage\\b|\\bidentify"
                    + "|\\binspect|gather(ing)? information|^(quick |cli |initial |agent-specific |health |)checks?\\b"
                    + "|\\bchecks$|\\bqueries\\b|\\bqueries used\\b|\\bdetermin(e|ing)\\b|\\bfind(ing)? (out|the)\\b"),
            rule(SectionKind.RESOLUTION, "\\bfix(es|ing)?\\b|\\bresol(ution|ve|ving)\\b|\\bmitigat|\\bremediat"
                    + "|\\bsolutions?\\b|\\bactions?\\b|\\bresponses?\\b|\\brecover|\\brestor|\\bworkaround"
                    + "|what to do|\\bsteps\\b|\\bprocedures?\\b|\\brestart|\\brepair|\\bhow to\\b|^runbook$"),
            rule(SectionKind.CAUSE, "\\bcauses?\\b|\\bwhy\\b|\\breasons?\\b|\\broot cause"),
            rule(SectionKind.REFERENCE, "\\breference|\\bsee also\\b|\\brelated\\b|\\blinks?\\b|\\bresources\\b"
                    + "|further (information|reading)|\\bdocumentation\\b|contents\\b|\\bappendix|\\bglossary"
                    + "|useful commands|cheat ?sheet|\\bdashboards?\\b"));

    private static final Pattern NUMBERING = Pattern.compile("^(step\\s*)?[0-9]+[.):]?\\s+|^[a-z][.)]\\s+");
    private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}&/'\\- ]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern BRACKETS = Pattern.compile("\\([^)]*\\)|\\{[^}]*}|\\[[^]]*]");

    /**
     * Headings and labels repeat across runbooks ("Symptoms", "Diagnosis"...) and the rules are a dozen regex
     * scans each, so results are remembered; the cap keeps a stream of unique headings from growing it forever.
     */
    private static final int CACHE_LIMIT = 8192;
    private static final Map<String, SectionKind> KINDS = new ConcurrentHashMap<>();
    private static final Map<String, String> NORMALIZED = new ConcurrentHashMap<>();

    private LabelKinds() {
    }

    /** What a heading or label with this text is for; {@link SectionKind#OTHER} when nothing fits. Thread-safe. */
    public static SectionKind kindOf(String text) {
        return cached(KINDS, text, LabelKinds::classify);
    }

    private static <T> T cached(Map<String, T> cache, String key, Function<String, T> compute) {
        T known = cache.get(key);
        if (known != null) {
            return known;
        }
        T value = compute.apply(key);
        if (cache.size() < CACHE_LIMIT) {
            cache.put(key, value);
        }
        return value;
    }

    private static SectionKind classify(String text) {
        String t = normalize(text);
        if (t.isEmpty()) {
            return SectionKind.OTHER;
        }
        for (Rule r : RULES) {
            if (r.pattern.matcher(t).find()) {
                return r.kind;
            }
        }
        return SectionKind.OTHER;
    }

    /** Lower-case text without numbering, parenthesised asides, anchors, emoji or trailing colons. */
    static String normalize(String text) {
        return cached(NORMALIZED, text, LabelKinds::normalizeNow);
    }

    private static String normalizeNow(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('`', ' ').replace('*', ' ');
        t = BRACKETS.matcher(t).replaceAll(" ");
        t = SPACES.matcher(PUNCTUATION.matcher(t).replaceAll(" ")).replaceAll(" ").strip();
        String before;
        do {
            before = t;
            t = NUMBERING.matcher(t).replaceFirst("").strip();
        } while (!t.equals(before));
        return t;
    }

    private static Rule rule(SectionKind kind, String regex) {
        return new Rule(kind, Pattern.compile(regex));
    }
}
