package dev.incidentconsole.exec;

import dev.incidentconsole.exec.ssh.SshConnections;
import dev.incidentconsole.exec.ssh.SshHost;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A command running on an SSH channel of a pooled connection. */
final class SshExecution implements Execution {
    private static final Logger LOG = LoggerFactory.getLogger(SshExecution.class);

    private final SshConnections pool;
    private final SshHost host;
    private final Session.Command command;
    private final PidStrippingStream stderr;

    private SshExecution(SshConnections pool, SshHost host, Session.Command command) {
        this.pool = pool;
        this.host = host;
        this.command = command;
        this.stderr = new PidStrippingStream(command.getErrorStream());
    }

    static SshExecution start(SshConnections pool, SshTarget target, String text) throws ExecException {
        String remote = RemoteScript.wrap(text, target.workingDir(), target.environment());
        return new SshExecution(pool, target.host(), pool.exec(target.host(), remote));
    }

    @Override
    public InputStream stdout() {
        return command.getInputStream();
    }

    @Override
    public InputStream stderr() {
        return stderr;
    }

    @Override
    public boolean waitFor(long millis) {
        try {
            command.join(millis, TimeUnit.MILLISECONDS);
        } catch (ConnectionException e) {
            // timed out waiting, or the connection dropped: isOpen() tells which
        }
        return !command.isOpen();
    }

    @Override
    public Integer exitCode() {
        return command.getExitStatus();
    }

    @Override
    public String exitDetail() {
        Signal signal = command.getExitSignal();
        return signal != null ? "Killed by signal " + signal + " on " + host.display() + "."
                : "The connection to " + host.display() + " was lost before the command reported an exit code.";
    }

    @Override
    public void terminate(Duration grace) {
        try {
            command.signal(Signal.TERM);
        } catch (IOException e) {
            LOG.debug("SIGTERM over the channel failed: {}", e.toString());
        }
        long pid = stderr.pid();
        if (pid > 0) {
            try (Session.Command kill = pool.exec(host, RemoteScript.killTree(pid, grace))) {
                kill.join(grace.toMillis() + 10_000, TimeUnit.MILLISECONDS);
            } catch (ExecException | IOException e) {
                LOG.warn("Could not stop remote process {} on {}: {}", pid, host.display(), e.getMessage());
            }
        }
        release();
    }

    @Override
    public void release() {
        try {
            command.close();
        } catch (IOException e) {
            LOG.debug("Closing the channel to {} failed: {}", host.display(), e.toString());
        }
    }

    /** The remote stderr with the wrapper's process-id line taken out (and remembered). */
    private static final class PidStrippingStream extends PushbackInputStream {
        private volatile long pid = -1;
        private boolean checked;

        PidStrippingStream(InputStream in) {
            super(in, 128);
        }

        long pid() {
            return pid;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            if (!checked) {
                checked = true;
                byte[] head = new byte[128];
                int n = 0;
                int c;
                while (n < head.length && (c = super.read()) >= 0) {
                    head[n++] = (byte) c;
                    if (c == '\n') {
                        break;
                    }
                }
                String first = new String(head, 0, n, StandardCharsets.UTF_8);
                if (first.startsWith(RemoteScript.PID_MARKER) && first.endsWith("\n")) {
                    pid = parsePid(first.substring(RemoteScript.PID_MARKER.length()).strip());
                } else if (n > 0) {
                    unread(head, 0, n);
                }
            }
            return super.read(b, off, len);
        }

        private static long parsePid(String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
