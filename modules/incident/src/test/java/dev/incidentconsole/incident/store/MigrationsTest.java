package dev.incidentconsole.incident.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationsTest {
    private static final Pattern SCRIPT = Pattern.compile("V(\\d+)__.*\\.sql");

    @Test
    void theShortcutVersionIsTheNewestScript() throws Exception {
        URL folder = Migrations.class.getClassLoader().getResource(Migrations.LOCATION);
        assertThat(folder).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            int newest = files.map(p -> SCRIPT.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1)))
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            assertThat(Migrations.LATEST).isEqualTo(String.valueOf(newest));
        }
    }
}
