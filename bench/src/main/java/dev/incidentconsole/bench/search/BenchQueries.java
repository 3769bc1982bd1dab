package dev.incidentconsole.bench.search;

import dev.incidentconsole.search.SearchQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A mix of queries as engineers type them: symptoms in their own words, alert names whole and split, error
 * codes, typos, half-typed last words, and some with a component filter.
 */
final class BenchQueries {

    private static final List<String> TEMPLATES = List.of("{c} down", "{c} not responding", "too many connections {c}",
            "{s} 503", "getting 429s", "cert expired {s}", "pods keep restarting", "oomkilled {s}", "{c} lag",
            "disk full {c}", "queue backing up", "ws keeps dropping", "dns failing for {s}", "slow queries {c}",
            "{s} timeouts", "rollback {s}", "{s} error rate high", "{c} failover", "evictions {c}",
            "connection refused {c}", "latency spike {s}", "crashloopbackoff", "node not ready", "volume filling up",
            "consumer lag {c}", "leader election flapping", "certificate rotation failed", "memory leak after deploy",
            "cron job missed", "split brain {c}");

    private BenchQueries() {
    }

    static List<SearchQuery> generate(long seed, int count) {
        Random random = new Random(seed);
        List<SearchQuery> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String component = SearchCorpus.COMPONENTS.get(random.nextInt(SearchCorpus.COMPONENTS.size()));
            String service = SearchCorpus.SERVICES.get(random.nextInt(SearchCorpus.SERVICES.size()));
            String text = switch (random.nextInt(10)) {
                case 0 -> "High" + component.replaceAll("[^A-Za-z]", "") + "Latency";
                case 1 -> "high " + component.toLowerCase(Locale.ROOT) + " error rate";
                case 2 -> typo(fill(TEMPLATES.get(random.nextInt(TEMPLATES.size())), component, service), random);
                case 3 -> halfTyped(fill(TEMPLATES.get(random.nextInt(TEMPLATES.size())), component, service), random);
                default -> fill(TEMPLATES.get(random.nextInt(TEMPLATES.size())), component, service);
            };
            SearchQuery q = SearchQuery.of(text);
            out.add(random.nextInt(10) == 0 ? q.withComponents(component) : q);
        }
        return out;
    }

    private static String fill(String template, String component, String service) {
        return template.replace("{c}", component.toLowerCase(Locale.ROOT)).replace("{s}", service);
    }

    /** Swaps two adjacent letters of the longest word. */
    private static String typo(String text, Random random) {
        String[] words = text.split(" ");
        int longest = 0;
        for (int i = 1; i < words.length; i++) {
            longest = words[i].length() > words[longest].length() ? i : longest;
        }
        String w = words[longest];
        if (w.length() >= 5) {
            int at = 1 + random.nextInt(w.length() - 3);
            words[longest] = w.substring(0, at) + w.charAt(at + 1) + w.charAt(at) + w.substring(at + 2);
        }
        return String.join(" ", words);
    }

    /** The text cut in the middle of its last word, as it looks while still being typed. */
    private static String halfTyped(String text, Random random) {
        int lastSpace = text.lastIndexOf(' ');
        int lastLength = text.length() - lastSpace - 1;
        return lastLength < 4 ? text : text.substring(0, text.length() - 1 - random.nextInt(lastLength - 2));
    }
}
