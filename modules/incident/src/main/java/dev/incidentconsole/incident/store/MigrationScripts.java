package dev.incidentconsole.incident.store;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versioned Flyway scripts ({@code V<version>__<description>.sql}) in a class-path folder and its
 * subfolders (Flyway scans those too), listed without Flyway.
 */
final class MigrationScripts {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationScripts.class);
    private static final Pattern SCRIPT = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");

    private MigrationScripts() {
    }

    /** The newest version in {@code folder} (a classes folder or a jar), as Flyway records it; empty when it cannot be listed. */
    static Optional<String> newest(ClassLoader loader, String folder) {
        try {
            return newest(names(loader, folder));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            LOG.debug("Cannot list the migrations in {}; Flyway checks the schema at each open", folder, e);
            return Optional.empty();
        }
    }

    /** The newest version among script file names; other names are ignored. */
    static Optional<String> newest(Collection<String> fileNames) {
        return fileNames.stream().map(SCRIPT::matcher).filter(Matcher::matches)
                .map(m -> m.group(1).replace('_', '.'))
                .max(Comparator.comparing(MigrationScripts::parts, Arrays::compare));
    }

    private static int[] parts(String version) {
        return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    private static List<String> names(ClassLoader loader, String folder) throws IOException, URISyntaxException {
        URL url = loader.getResource(folder);
        if (url == null) {
            return List.of();
        }
        if ("file".equals(url.getProtocol())) {
            try (Stream<Path> files = Files.walk(Path.of(url.toURI()))) {
                return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
            }
        }
        if ("jar".equals(url.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            List<String> names = new ArrayList<>();
            try (JarFile jar = connection.getJarFile()) {
                String prefix = folder + "/";
                jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(prefix) && !n.endsWith("/"))
                        .forEach(n -> names.add(n.substring(n.lastIndexOf('/') + 1)));
            }
            return names;
        }
        throw new IOException("unsupported class-path location " + url.getProtocol());
    }
}
