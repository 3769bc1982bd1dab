package dev.incidentconsole.incident.testing;

import java.util.TimeZone;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs each test as on a machine in another time zone, {@code @RegisterExtension final DefaultZone zone =
 * DefaultZone.of("Pacific/Auckland");}, and puts the JVM's default zone back after it. Shared with the app's tests.
 */
public final class DefaultZone implements BeforeEachCallback, AfterEachCallback {
    private final TimeZone zone;
    private TimeZone before;

    private DefaultZone(TimeZone zone) {
        this.zone = zone;
    }

    /** @param id a zone id, e.g. {@code America/Los_Angeles} */
    public static DefaultZone of(String id) {
        return new DefaultZone(TimeZone.getTimeZone(id));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        before = TimeZone.getDefault();
        TimeZone.setDefault(zone);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TimeZone.setDefault(before);
    }
}
