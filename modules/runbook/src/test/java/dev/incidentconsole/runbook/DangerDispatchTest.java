package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link DangerRules} sends a command only to the family whose {@code PROGRAMS} name its program, so a program a
 * family's {@code check} knows but its {@code PROGRAMS} forgets would never be judged: each {@code PROGRAMS} must
 * be exactly the programs its {@code check} names, and no program may belong to two families.
 */
class DangerDispatchTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/incidentconsole/runbook");
    private static final Pattern CASE = Pattern.compile("case ((?:\"[^\"]+\"(?:, )?)+) ->");
    private static final Pattern NAME = Pattern.compile("\"([^\"]+)\"");

    static Stream<Arguments> families() {
        return Stream.of(Arguments.of("HostDangers", HostDangers.PROGRAMS),
                Arguments.of("PlatformDangers", PlatformDangers.PROGRAMS),
                Arguments.of("ServiceDangers", ServiceDangers.PROGRAMS),
                Arguments.of("SystemDangers", SystemDangers.PROGRAMS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void eachFamilysProgramsAreExactlyThoseItsCheckNames(String family, Set<String> programs) throws IOException {
        String source = Files.readString(SOURCES.resolve(family + ".java"));
        int start = source.indexOf("static Danger check(String program");
        String body = source.substring(start, source.indexOf("        };", start));
        Set<String> named = new HashSet<>();
        Matcher m = CASE.matcher(body);
        while (m.find()) {
            Matcher name = NAME.matcher(m.group(1));
            while (name.find()) {
                named.add(name.group(1));
            }
        }
        assertThat(named).as("the programs %s.check names", family).isEqualTo(programs);
    }

    @Test
    void noProgramBelongsToTwoFamilies() {
        Set<String> seen = new HashSet<>();
        families().forEach(f -> {
            @SuppressWarnings("unchecked")
            Set<String> programs = (Set<String>) f.get()[1];
            for (String p : programs) {
                assertThat(seen.add(p)).as("%s is in two families", p).isTrue();
            }
        });
    }

    /** One dangerous form per kubectl verb that has a rule: a verb added to the rules without one here fails. */
    private static final Map<String, String> KUBE_VERB_EXAMPLES = Map.of(
            "delete", "kubectl delete pod api-0",
            "drain", "kubectl drain node-1 --ignore-daemonsets",
            "scale", "kubectl scale deploy/api --replicas=0",
            "patch", "kubectl patch deploy api -p '{\"spec\":{\"replicas\":0}}'",
            "rollout", "kubectl rollout undo deploy/api",
            "replace", "kubectl replace --force -f api.yaml");

    @Test
    void everyKubectlVerbWithARuleIsLookedForAndJudged() {
        assertThat(KUBE_VERB_EXAMPLES.keySet()).as("kubectl verbs with a rule").isEqualTo(PlatformDangers.kubeVerbs());
        KUBE_VERB_EXAMPLES.forEach((verb, command) ->
                assertThat(DangerRules.check(command)).as(command).isNotNull()
                        .satisfies(d -> assertThat(d.rule()).startsWith("kubectl-")));
        assertThat(DangerRules.check("kubectl get pod api-0")).isNull();
        assertThat(DangerRules.check("kubectl scale deploy/api --replicas=3")).isNull();
    }

    @Test
    void aProgramIsJudgedByItsFamilyBehindWrappersAndInsideContainers() {
        assertThat(DangerRules.check("sudo /usr/sbin/mkfs.ext4 /dev/sdb1").rule()).isEqualTo("mkfs");
        assertThat(DangerRules.check("kubectl exec db-0 -- /usr/bin/dropdb orders").rule()).isEqualTo("dropdb");
        assertThat(DangerRules.check("ls | xargs -n1 chmod -R 777 /").rule()).isEqualTo("recursive-permissions");
        assertThat(DangerRules.check("kubectl get pods -o wide")).isNull();
        assertThat(DangerRules.check("delete")).isNull();
    }
}
