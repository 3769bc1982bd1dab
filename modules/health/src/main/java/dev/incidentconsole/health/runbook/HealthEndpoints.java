package dev.incidentconsole.health.runbook;

import dev.incidentconsole.health.spec.BodyExpectation;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.health.spec.ProbeSpec;
import dev.incidentconsole.runbook.Block;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Health endpoints a runbook lists as commands outside a port table: each {@code curl} GET in a section under a
 * "Health" heading ({@code ## Health Checks > ### Readiness}), with the expectation the runbook documents after
 * it: an {@code Expected: {"status": "healthy", ...}} line, or a JSON response body ({@code **Response:**} and a
 * {@code json} block). The first field of the documented object is the expectation ({@code /status = healthy});
 * dependencies the real body reports under {@code checks} are read by the HTTP probe itself.
 */
final class HealthEndpoints {
    private static final Pattern HEALTH_HEADING = Pattern.compile("(?i)\\bhealth");
    private static final Pattern EXPECTED = Pattern.compile("(?i)^\\s*(expected|response|returns)\\b[^:{]*:?\\s*");
    private static final Pattern FIRST_FIELD = Pattern.compile(
            "^\\{\\s*\"([^\"]+)\"\\s*:\\s*(?:\"([^\"]*)\"|(true|false|-?\\d+(?:\\.\\d+)?))");

    private HealthEndpoints() {
    }

    /**
     * An endpoint and what its answer should say.
     *
     * @param name    the heading it is listed under, e.g. {@code Readiness (K8s)}
     * @param probe   a GET of the URL, with the documented expectation when there is one
     * @param line    the line of its command
     * @param section the section that lists it
     */
    record Endpoint(String name, HttpSpec probe, int line, Section section) {
    }

    static List<Endpoint> find(Runbook runbook, CheckCommands checks, String host) {
        List<Endpoint> out = new ArrayList<>();
        for (Section s : runbook.sections()) {
            if (s.label() || s.path().stream().noneMatch(h -> HEALTH_HEADING.matcher(h).find())) {
                continue;
            }
            List<Block> blocks = blocks(runbook, s);
            for (int i = 0; i < blocks.size(); i++) {
                if (!(blocks.get(i) instanceof Block.Code code)) {
                    continue;
                }
                for (Command c : code.step().commands()) {
                    String text = c.text().strip();
                    if (!text.startsWith("curl ")) {
                        continue;
                    }
                    ProbeSpec p = checks.parse(text, host, 0).probe();
                    if (p instanceof HttpSpec h && h.method().equals("GET")) {
                        BodyExpectation documented = h.expect() != null ? h.expect() : documented(blocks, i + 1);
                        out.add(new Endpoint(s.title(), documented == null ? h : h.withExpect(documented), c.line(), s));
                    }
                }
            }
        }
        return out;
    }

    /** The section's own blocks and those of its bold labels ("**Response:**"), up to the next heading. */
    private static List<Block> blocks(Runbook runbook, Section s) {
        List<Block> out = new ArrayList<>(s.blocks());
        for (Section part : runbook.subtree(s)) {
            if (part != s && part.label()) {
                out.addAll(part.blocks());
            } else if (part != s) {
                break;
            }
        }
        return out;
    }

    /** The expectation documented after a command: until the next command block, the first object it shows. */
    private static BodyExpectation documented(List<Block> blocks, int from) {
        for (int i = from; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            String candidate = null;
            if (b instanceof Block.Text t) {
                Matcher m = EXPECTED.matcher(t.plain());
                if (m.find() && t.plain().substring(m.end()).strip().startsWith("{")) {
                    candidate = t.plain().substring(m.end()).strip();
                }
            } else if (b instanceof Block.Code c) {
                if (c.step().shell() && !c.step().commands().isEmpty()) {
                    return null; // the next command: what follows documents that one
                }
                candidate = c.step().text().strip();
            }
            if (candidate != null) {
                Matcher f = FIRST_FIELD.matcher(candidate);
                if (f.find()) {
                    String value = f.group(2) != null ? f.group(2) : f.group(3);
                    return value.isBlank() ? null
                            : BodyExpectation.json("/" + f.group(1).replace("~", "~0").replace("/", "~1"), value);
                }
            }
        }
        return null;
    }
}
