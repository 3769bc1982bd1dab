package dev.incidentconsole.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.incidentconsole.app.settings.LaunchOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The app's logging, for the window and the command line alike: one appender on stderr (so JSON on stdout stays
 * clean), the root at {@link LaunchOptions#logLevel()}, noisy libraries quieter. Found by Logback through
 * {@code META-INF/services} and made in code: the XML configuration it replaces loaded about 400 classes of
 * Logback's Joran at every start, 0.3 s of a {@code --help}. A {@code -Dlogback.configurationFile} still wins.
 */
public final class LogbackSetup extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";

    /** Loggers set apart from the root's level. */
    static final Map<String, Level> LEVELS = Map.of(
            "org.apache.lucene", Level.WARN,
            "net.schmizz", Level.WARN,
            // sshj logs a refused host key or a dropped login as ERROR; exec reports those itself, in one sentence.
            "net.schmizz.sshj.transport.KeyExchanger", Level.OFF,
            "net.schmizz.sshj.transport.TransportImpl", Level.OFF,
            "net.schmizz.concurrent.Promise", Level.OFF,
            "com.zaxxer", Level.WARN);

    /**
     * Names Logback to SLF4J as its provider, unless the JVM was told another one: SLF4J then loads it by name
     * instead of asking the ServiceLoader, which opens every jar of the class path to look (about 10 ms of a
     * command's start). SLF4J's note that it did so is silenced; its warnings and errors still show.
     * Call before the first logger is obtained; entry points that do not call it find Logback as before.
     */
    public static void bindDirectly() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
    }

    /** Whether Logback would find {@code name} as it looks: a URL, a class path resource or a file. */
    private static boolean names(String name) {
        return name.contains(":/") || LogbackSetup.class.getClassLoader().getResource(name) != null
                || Files.isRegularFile(Path.of(name));
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LaunchOptions options = LaunchOptions.fromSystem();
        // A named file that is not there would leave Logback's fallback logging DEBUG to stdout, into --json.
        if (options.logbackFile() != null && names(options.logbackFile())) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(options.logLevel()));
        root.addAppender(stderr);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
