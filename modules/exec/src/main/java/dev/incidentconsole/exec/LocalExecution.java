package dev.incidentconsole.exec;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A command run by a local shell process. */
final class LocalExecution implements Execution {
    private final Process process;

    private LocalExecution(Process process) {
        this.process = process;
    }

    /**
     * Starts {@code shell -c text} in {@code dir} with {@code env} added; stdin is {@code /dev/null}, so a
     * command that would read the keyboard gets end-of-file instead of hanging.
     */
    static LocalExecution start(Path shell, String text, Path dir, Map<String, String> env) throws ExecException {
        ProcessBuilder pb = new ProcessBuilder(List.of(shell.toString(), "-c", text));
        if (dir != null) {
            if (!dir.toFile().isDirectory()) {
                throw new ExecException(ExecException.Reason.START_FAILED, "Working directory " + dir
                        + " does not exist; fix the environment's working directory.");
            }
            pb.directory(dir.toFile());
        }
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            return new LocalExecution(pb.start());
        } catch (IOException e) {
            throw new ExecException(ExecException.Reason.START_FAILED, "Could not start " + shell + ": "
                    + e.getMessage() + ".", e);
        }
    }

    @Override
    public InputStream stdout() {
        return process.getInputStream();
    }

    @Override
    public InputStream stderr() {
        return process.getErrorStream();
    }

    @Override
    public boolean waitFor(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    @Override
    public String exitDetail() {
        return "";
    }

    @Override
    public void terminate(Duration grace) {
        ProcessTree.kill(process.toHandle(), grace);
    }

    @Override
    public void release() {
        // the process streams are closed by the line readers
    }
}
