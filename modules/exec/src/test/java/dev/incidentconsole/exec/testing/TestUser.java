package dev.incidentconsole.exec.testing;

import dev.incidentconsole.exec.LocalUser;
import java.nio.file.Path;

/** The user running the tests, read from this JVM as the app's {@code LaunchOptions} reads it at launch. */
public final class TestUser {
    private TestUser() {
    }

    public static LocalUser current() {
        return new LocalUser(Path.of(System.getProperty("user.home")), System.getProperty("user.name"), System.getenv(),
                Path.of(System.getProperty("java.io.tmpdir")));
    }
}
