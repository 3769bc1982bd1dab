package dev.incidentconsole.app.stack;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Real servers from Debian packages (PostgreSQL, PgBouncer, Prometheus, Alertmanager) started on loopback in a
 * temporary folder, each on a free port, and stopped by {@link #close()}. A tool that is not installed makes the
 * calling test skip with a message naming the package. PostgreSQL and PgBouncer refuse to run as root: as root
 * they run as the {@code postgres} user through {@code setpriv}.
 */
public final class DebianServers implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(40);
    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final boolean root = "root".equals(System.getProperty("user.name"));

    public DebianServers() throws IOException {
        dir = Files.createTempDirectory("incident-stack-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The path of an installed tool, or the test skips naming its Debian package. */
    public static Path require(String tool, String debianPackage) {
        Optional<Path> found = find(tool);
        assumeTrue(found.isPresent(), tool + " is not installed (Debian package " + debianPackage
                + "; .ci/run installs it); skipping the real-stack test");
        return found.get();
    }

    private static Optional<Path> find(String tool) {
        List<Path> places = new ArrayList<>();
        try (Stream<Path> versions = Files.isDirectory(Path.of("/usr/lib/postgresql")) ? Files.list(Path.of("/usr/lib/postgresql"))
                : Stream.empty()) {
            versions.sorted(Comparator.reverseOrder()).forEach(v -> places.add(v.resolve("bin")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":")).map(Path::of).forEach(places::add);
        places.add(Path.of("/usr/sbin"));
        return places.stream().map(p -> p.resolve(tool)).filter(Files::isExecutable).findFirst();
    }

    /** A port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * PostgreSQL (initdb into the temp folder) on 127.0.0.1:{@code port}: superuser {@code postgres} trusted on
     * loopback, everyone else logs in with SCRAM; {@code sql} runs as the superuser once it accepts connections.
     */
    public void postgres(int port, String... sql) throws Exception {
        Path initdb = require("initdb", "postgresql");
        Path postgres = require("postgres", "postgresql");
        assumeTrue(!root || find("setpriv").isPresent(), "setpriv is missing: PostgreSQL cannot run as root; skipping");
        Path data = Files.createDirectory(dir.resolve("pgdata"));
        own(data);
        run(List.of(initdb.toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"), "initdb");
        Files.writeString(data.resolve("pg_hba.conf"), """
                host all postgres 127.0.0.1/32 trust
                host all all 127.0.0.1/32 scram-sha-256
                """);
        start(asPostgres(List.of(postgres.toString(), "-D", data.toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=off")), "postgres");
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres&connectTimeout=2";
        waitFor("PostgreSQL on " + port, () -> {
            try (Connection c = DriverManager.getConnection(url)) {
                return c.isValid(2);
            } catch (SQLException e) {
                return false;
            }
        });
        try (Connection c = DriverManager.getConnection(url); var s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    /**
     * PgBouncer on {@code port} pooling {@code database} of the PostgreSQL on {@code serverPort} for one user; it
     * ignores {@code extra_float_digits}, as PgBouncer's documentation advises for JDBC clients.
     */
    public void pgbouncer(int port, int serverPort, String database, String user, String password) throws Exception {
        pgbouncer(port, serverPort, database, user, password, "session", "extra_float_digits");
    }

    /**
     * PgBouncer as teams run it: {@code poolMode} {@code session} or {@code transaction} (the usual choice in front
     * of a busy database), {@code ignoredParameters} the {@code ignore_startup_parameters} line's value (empty: the
     * default, which refuses pgjdbc's {@code extra_float_digits}).
     */
    public void pgbouncer(int port, int serverPort, String database, String user, String password, String poolMode,
                          String ignoredParameters) throws Exception {
        pgbouncer(port, serverPort, database, user, password, poolMode, ignoredParameters, "");
    }

    /**
     * Like {@link #pgbouncer(int, int, String, String, String, String, String)}, with {@code serverLogin} added to
     * the [databases] line, e.g. {@code user=pooler password=old} for the pooler's own login to the server.
     */
    public void pgbouncer(int port, int serverPort, String database, String user, String password, String poolMode,
                          String ignoredParameters, String serverLogin) throws Exception {
        Path pgbouncer = require("pgbouncer", "pgbouncer");
        Path users = Files.writeString(dir.resolve("userlist.txt"), "\"" + user + "\" \"" + password + "\"\n");
        Path ini = Files.writeString(dir.resolve("pgbouncer.ini"), """
                [databases]
                %s = host=127.0.0.1 port=%d dbname=%s %s
                [pgbouncer]
                listen_addr = 127.0.0.1
                listen_port = %d
                unix_socket_dir =
                auth_type = scram-sha-256
                auth_file = %s
                pool_mode = %s
                %s
                """.formatted(database, serverPort, database, serverLogin, port, users, poolMode,
                ignoredParameters.isEmpty() ? "" : "ignore_startup_parameters = " + ignoredParameters));
        start(asPostgres(List.of(pgbouncer.toString(), ini.toString())), "pgbouncer");
        waitFor("PgBouncer on " + port, () -> accepts(port));
    }

    /** Prometheus on {@code port}, nothing scraped, evaluating {@code rules} (a rule file's YAML) every second. */
    public void prometheus(int port, String rules) throws Exception {
        prometheus(port, rules, 0);
    }

    /**
     * Prometheus on {@code port} evaluating {@code rules} every second and sending its alerts to the Alertmanager
     * on {@code alertmanagerPort} (none when 0).
     */
    public void prometheus(int port, String rules, int alertmanagerPort) throws Exception {
        Path prometheus = require("prometheus", "prometheus");
        Path ruleFile = Files.writeString(dir.resolve("rules.yml"), rules);
        String alerting = alertmanagerPort == 0 ? ""
                : "alerting: {alertmanagers: [{static_configs: [{targets: ['127.0.0.1:" + alertmanagerPort + "']}]}]}\n";
        Path config = Files.writeString(dir.resolve("prometheus.yml"),
                "global: {scrape_interval: 1m, evaluation_interval: 1s}\nrule_files: [" + ruleFile + "]\n" + alerting);
        // The first send usually precedes the notifier's target list; the default resend waits a minute after it.
        start(List.of(prometheus.toString(), "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port, "--rules.alert.resend-delay=1s"), "prometheus");
    }

    /** Alertmanager without clustering and with a receiver that sends nothing, on {@code port}. */
    public void alertmanager(int port) throws Exception {
        Path alertmanager = find("prometheus-alertmanager").orElseGet(() -> require("alertmanager", "prometheus-alertmanager"));
        Path config = Files.writeString(dir.resolve("alertmanager.yml"), """
                route: {receiver: nowhere, group_wait: 1h}
                receivers: [{name: nowhere}]
                """);
        start(List.of(alertmanager.toString(), "--config.file=" + config, "--storage.path=" + dir.resolve("am"),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address="), "alertmanager");
    }

    /** Waits until {@code GET url} answers 200 (Prometheus' and Alertmanager's {@code /-/ready}). */
    public void awaitReady(String url) throws Exception {
        waitFor(url, () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    /** Polls every 100 ms until the condition holds; fails with the servers' logs after the start limit. */
    public void waitFor(String what, BooleanSupplier ready) throws Exception {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!ready.getAsBoolean()) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(what + ": a server exited with " + p.exitValue() + "\n" + logs());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not ready after " + START_LIMIT.toSeconds() + " s\n" + logs());
            }
            Thread.sleep(100);
        }
    }

    /** What the servers printed, for a failure message. */
    public String logs() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                List<String> lines = Files.readAllLines(log);
                sb.append("--- ").append(log.getFileName()).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()))).append('\n');
            }
        }
        return sb.toString();
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private List<String> asPostgres(List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(find("setpriv").orElseThrow().toString(),
                "--reuid=postgres", "--regid=postgres", "--init-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private void own(Path path) throws IOException {
        if (root) {
            UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(path, users.lookupPrincipalByName("postgres"));
        }
    }

    private void run(List<String> command, String name) throws Exception {
        Process p = new ProcessBuilder(asPostgres(command)).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(name + " failed with " + p.exitValue() + "\n" + logs());
        }
    }

    private void start(List<String> command, String name) throws IOException {
        processes.add(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start());
    }

    @Override
    public void close() throws Exception {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
