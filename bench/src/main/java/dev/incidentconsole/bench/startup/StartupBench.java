package dev.incidentconsole.bench.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up of the window against an empty JavaFX window started the same way (same JVM, class path and
 * options), in alternating cold starts, each in a fresh JVM (under Xvfb when there is no display). Ours opens
 * the bundled runbooks with a dashboard of {@code services} TCP services on loopback, {@code dead} of them on a
 * closed port (checked every 2 s). Prints the medians: the window with content (a dashboard row drawn), the
 * first statuses, and the FX thread's longest stall during start-up and while the dashboard keeps refreshing; and of
 * the first frame ({@link FirstFrame}): in how many starts the first frame on screen was blank (one colour), how
 * many rail entries the first pulse laid out, and the time from {@code show()} to the first non-blank frame.
 *
 * <p>Usage: {@code bench/run startup.StartupBench [runs=5] [services=12] [dead=2] [watchMs=1500]}; JVM options for
 * both windows in {@code STARTUP_OPTS}. With {@code STARTUP_CDS=1} both start as the {@code ./incident-console}
 * launcher starts the app: from its class path (app jar first) with its class-data archive
 * ({@code app/target/app-cds.jsa}, recorded by running the launcher once) and its JVM options for the window
 * ({@code -XX:TieredStopAtLevel=1}; {@code STARTUP_OPTS} come after it, as the launcher's {@code INCIDENT_CONSOLE_OPTS} do, so {@code -XX:TieredStopAtLevel=4} brings C2 back). With {@code STARTUP_SAMPLE=FILE} each
 * start also writes its FX thread's stacks (every 10 ms until the content shows) to {@code FILE.<pid>}. With
 * {@code STARTUP_LADDER=1} the runs also start every rung of the {@link FloorLadder} between the empty window and
 * ours, in turn, and print a line per rung: its first text drawn, against the empty window and the rung before.
 */
public final class StartupBench {
    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = arg(args, 0, 5);
        int services = arg(args, 1, 12);
        int dead = arg(args, 2, 2);
        long watchMs = arg(args, 3, 1500);
        Path project = Path.of(System.getProperty("incident.project.dir", ".")).toAbsolutePath();
        Path work = Files.createTempDirectory("startup-bench");
        Process xvfb = null;
        Map<String, String> env = new HashMap<>();
        if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
            int display = 90; // the first free one: other benches may run their own Xvfb
            while (Files.exists(Path.of("/tmp/.X" + display + "-lock")) || Files.exists(Path.of("/tmp/.X11-unix/X" + display))) {
                display++;
            }
            xvfb = new ProcessBuilder("Xvfb", ":" + display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(work.resolve("xvfb.log").toFile()).start();
            Path socket = Path.of("/tmp/.X11-unix/X" + display);
            for (int waited = 0; !Files.exists(socket) && waited < 20_000; waited += 100) {
                Thread.sleep(100); // Xvfb takes seconds on a loaded machine
            }
            env.put("DISPLAY", ":" + display);
        }
        try (ServerSocket up = LoopbackServices.listening()) {
            Path envFile = LoopbackServices.environmentFile(work, services, dead, 2, up.getLocalPort());
            List<String> rungs = "1".equals(System.getenv("STARTUP_LADDER"))
                    ? List.copyOf(FloorLadder.RUNGS.keySet()) : List.of("ours", "empty");
            Map<String, List<String>> commands = new HashMap<>();
            Map<String, List<Map<String, Long>>> results = new HashMap<>();
            for (String rung : rungs) {
                commands.put(rung, command(project, work, envFile, rung, watchMs));
                results.put(rung, new ArrayList<>());
            }
            StringBuilder warmUp = new StringBuilder("warm-up (not counted):");
            for (String rung : rungs) {
                warmUp.append(' ').append(rung).append(' ').append(once(commands.get(rung), env).get("content"));
            }
            System.out.println(warmUp);
            for (int i = 0; i < runs; i++) {
                // Each run starts from the next rung, so the machine's drift spreads over all of them.
                StringBuilder line = new StringBuilder("run " + (i + 1) + ":");
                for (int k = 0; k < rungs.size(); k++) {
                    String rung = rungs.get((i + k) % rungs.size());
                    Map<String, Long> r = once(commands.get(rung), env);
                    results.get(rung).add(r);
                    line.append(' ').append(rung).append(' ').append(r);
                }
                System.out.println(line);
            }
            List<Map<String, Long>> oursRuns = results.get("ours");
            List<Map<String, Long>> emptyRuns = results.get("empty");
            long o = median(oursRuns, "content");
            long e = median(emptyRuns, "content");
            System.out.printf(Locale.ROOT, "window with content: ours %d ms, empty JavaFX %d ms (%.2fx), medians of %d alternating cold starts%n",
                    o, e, o / (double) e, runs);
            System.out.printf(Locale.ROOT, "first statuses: %d ms after start, %d ms after the content (%d services, %d dead)%n",
                    median(oursRuns, "statuses"), median(oursRuns, "statuses") - o, services, dead);
            System.out.printf(Locale.ROOT, "first frame: blank in %d of %d starts, rail entries at the first pulse %d (fewest %d), "
                            + "first non-blank frame %d ms after show() (max %d), %d ms after start%n",
                    oursRuns.stream().filter(r -> r.getOrDefault("first-frame-blank", 1L) != 0).count(), runs,
                    median(oursRuns, "first-pulse-rail"), min(oursRuns, "first-pulse-rail"),
                    median(oursRuns, "painted-after-shown"), max(oursRuns, "painted-after-shown"), median(oursRuns, "painted"));
            System.out.printf(Locale.ROOT, "CPU time to the content: FX thread ours %d ms, empty JavaFX %d ms; whole process ours %d ms, empty JavaFX %d ms%n",
                    median(oursRuns, "cpu-fx"), median(emptyRuns, "cpu-fx"), median(oursRuns, "cpu-process"), median(emptyRuns, "cpu-process"));
            // Ours only: the empty window and the ladder's rungs are not watched, so their content is not delayed by it.
            System.out.printf(Locale.ROOT, "the probe's screen captures of ours until its first frame held the FX thread %d ms (max %d), "
                    + "included in ours' content time%n", median(oursRuns, "first-frame-captures"), max(oursRuns, "first-frame-captures"));
            // The empty window's stalls are the floor the machine imposes at this load: its own start, then its
            // idle watch of the same length, which is what ours spends refreshing.
            System.out.printf(Locale.ROOT, "FX thread longest stall: start-up %d ms (max %d; empty window %d ms), while refreshing %d ms (max %d; empty window %d ms)%n",
                    median(oursRuns, "stall"), max(oursRuns, "stall"), median(emptyRuns, "stall"),
                    median(oursRuns, "stall-after-statuses"), max(oursRuns, "stall-after-statuses"),
                    median(emptyRuns, "stall-after-statuses"));
            System.out.printf(Locale.ROOT, "FX thread longest stall in the second half of the watch (%d ms after the first statuses): ours %d ms (max %d), empty window %d ms%n",
                    watchMs / 2, median(oursRuns, "stall-late"), max(oursRuns, "stall-late"), median(emptyRuns, "stall-late"));
            if (rungs.size() > 2) {
                long previous = e;
                for (String rung : rungs) {
                    List<Map<String, Long>> r = results.get(rung);
                    long c = median(r, "content");
                    System.out.printf(Locale.ROOT, "rung %-45s first text drawn %5d ms (%.2fx empty, %+5d ms on the rung before; "
                                    + "min %d, max %d), CPU to it: FX thread %d ms, process %d ms; FX stall at start-up %d ms%n",
                            FloorLadder.RUNGS.get(rung), c, c / (double) e, c - previous, min(r, "content"), max(r, "content"),
                            median(r, "cpu-fx"), median(r, "cpu-process"), median(r, "stall"));
                    previous = c;
                }
            }
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
    }

    private static List<String> command(Path project, Path work, Path envFile, String mode, long watchMs) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String classPath = System.getProperty("java.class.path");
        if ("1".equals(System.getenv("STARTUP_CDS"))) {
            Path archive = project.resolve("app/target/app-cds.jsa");
            cmd.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            // The launcher's JVM options for the window (./incident-console, packaging/build): C1 alone.
            cmd.add("-XX:TieredStopAtLevel=1");
            classPath = launcherClassPath(project) + java.io.File.pathSeparator + classPath;
        }
        // After the launcher's, as INCIDENT_CONSOLE_OPTS comes after them: -XX:TieredStopAtLevel=4 brings C2 back.
        String opts = System.getenv("STARTUP_OPTS");
        if (opts != null && !opts.isBlank()) {
            cmd.addAll(List.of(opts.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-Dincident.home=" + project, "-Dincident.runbooks=" + project.resolve("runbooks"),
                "-Dincident.env=" + envFile, "-Dincident.data.dir=" + work.resolve("data"),
                "-Dincident.config.dir=" + work.resolve("config"),
                "-cp", classPath, StartupProbe.class.getName(), mode, String.valueOf(watchMs)));
        return cmd;
    }

    /** What the launcher puts on the class path; the archive maps only when the class path starts with it. */
    private static String launcherClassPath(Path project) {
        try (var jars = Files.list(project.resolve("app/target"))) {
            Path jar = jars.filter(p -> p.getFileName().toString().matches("app-.*\\.jar")).findFirst().orElseThrow();
            return jar + java.io.File.pathSeparator + Files.readString(project.resolve("app/target/classpath.txt")).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One cold start: each event's time since the process was started, and the stalls as printed. */
    private static Map<String, Long> once(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        long started = System.currentTimeMillis();
        Process p = pb.start();
        Map<String, Long> out = new java.util.TreeMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] parts = line.split(" ");
                if (parts.length == 2 && parts[1].matches("\\d+")) {
                    long v = Long.parseLong(parts[1]);
                    boolean count = parts[0].startsWith("stall") || parts[0].startsWith("first-") || parts[0].startsWith("cpu-");
                    out.put(parts[0], count ? v : v - started);
                }
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("the probe did not finish: " + cmd);
        }
        if (!out.containsKey("content")) {
            throw new IOException("the probe printed no content time: " + cmd);
        }
 if (out.containsKey("painted") && out.containsKey("shown")) {
            out.put("painted-after-shown", out.get("painted") - out.get("shown"));
        }
        out.computeIfPresent("statuses", (k, v) -> Math.max(v, out.get("content")));
        return out;
    }

    private static long median(List<Map<String, Long>> runs, String key) {
        List<Long> v = runs.stream().map(m -> m.getOrDefault(key, -1L)).sorted().toList();
        return v.get(v.size() / 2);
    }

    private static long min(List<Map<String, Long>> runs, String key) {
        return runs.stream().mapToLong(m -> m.getOrDefault(key, -1L)).min().orElse(-1);
    }

    private static long max(List<Map<String, Long>> runs, String key) {
        return runs.stream().mapToLong(m -> m.getOrDefault(key, -1L)).max().orElse(-1);
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
