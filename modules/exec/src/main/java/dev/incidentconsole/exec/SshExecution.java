package dev.incidentconsole.exec;

import dev.incidentconsole.exec.ssh.SshConnections;
import dev.incidentconsole.exec.ssh.SshHost;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A command running on an SSH channel of a pooled connection. */
final class SshExecution implements Execution {
    private static final Logger LOG = LoggerFactory.getLogger(SshExecution.class);
    /** How long a channel SIGTERM gets before the process-id fallback: OpenSSH's stops a shell in milliseconds. */
    private static final Duration SIGNAL_WAIT = Duration.ofSeconds(1);

    private final SshConnections pool;
    private final SshHost host;
    private final Session.Command command;
    private final PidStrippingStream stderr;
    private final boolean openSsh;

    private SshExecution(SshConnections pool, SshHost host, Session.Command command, boolean openSsh) {
        this.pool = pool;
        this.host = host;
        this.command = command;
        this.openSsh = openSsh;
        this.stderr = new PidStrippingStream(command.getErrorStream(), shell -> pool.recordLoginShell(host, shell));
    }

    /**
     * Connects if needed and starts {@code text}; {@code stopped} is asked once connected, just before the command is
     * sent, since connecting to a slow host takes seconds in which the engineer may press Stop.
     *
     * @throws ExecException {@code STOPPED} when {@code stopped} said so: nothing was sent
     */
    static SshExecution start(SshConnections pool, SshTarget target, String text, BooleanSupplier stopped)
            throws ExecException {
        SshHost host = target.host();
        boolean openSsh = isOpenSsh(pool.client(host).getTransport().getServerVersion());
        boolean loginBash = openSsh && pool.loginShell(host).filter(s -> s.equals("bash") || s.endsWith("/bash"))
                .isPresent();
        String remote = RemoteScript.wrap(text, target.workingDir(), target.environment(), loginBash);
        if (stopped.getAsBoolean()) {
            throw ExecException.stoppedBeforeStart();
        }
        SshExecution execution = new SshExecution(pool, host, pool.exec(host, remote), openSsh);
        execution.endInput(RemoteScript.environmentInput(target.environment()));
        return execution;
    }

    /**
     * Sends the environment the wrapper reads first ({@code environment}), then end-of-input at once, as a local
     * run's stdin is {@code /dev/null} and as {@code ssh -n} does: nothing is ever typed into a run, so a command that reads stdin ({@code read}, {@code cat},
     * {@code kubectl apply -f -}) would otherwise wait on the open channel until its timeout. The server has
     * accepted the command by then and it may be running: a connection that fails now is not a failed start, and
     * the run's end reports it ({@link #exitDetail()}: the connection was lost before an exit code).
     */
    private void endInput(byte[] environment) {
        try (OutputStream in = command.getOutputStream()) {
            in.write(environment);
        } catch (IOException e) {
            if (command.isOpen()) {
                LOG.warn("Could not send end-of-input to the command on {}; it was started: {}", host.display(),
                        e.toString());
            } else { // a fast command's channel closed first: nothing is wrong
                LOG.debug("End-of-input not sent to the command on {}, its channel had closed: {}", host.display(),
                        e.toString());
            }
        }
    }

    /**
     * OpenSSH's sshd runs a command with exactly the login shell that {@code $SHELL} names (other servers may
     * not: Apache MINA runs {@code /bin/sh}), and delivers channel signals to the session's process group.
     */
    private static boolean isOpenSsh(String serverVersion) {
        return serverVersion != null && serverVersion.replaceFirst("^SSH-2\\.0-", "").startsWith("OpenSSH_");
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

    /**
     * SIGTERM over the channel first: OpenSSH's sshd starts each session in a process group of its own and
     * delivers a channel signal to the whole group, so the command's tree stops without a second remote process.
     * It refuses signals for root's sessions (it keeps no separate unprivileged process for them), older
     * versions and other servers (Apache MINA) ignore them, and a command may outlive SIGTERM: then the marker's
     * process id is killed from a second channel, its process group or tree, SIGTERM and then SIGKILL.
     */
    @Override
    public void terminate(Duration grace) {
        try {
            command.signal(Signal.TERM);
            if (signalsReachCommands() && waitFor(Math.min(grace.toMillis(), SIGNAL_WAIT.toMillis()))) {
                release();
                return;
            }
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

    private boolean signalsReachCommands() {
        return openSsh && !"root".equals(host.user());
    }

    @Override
    public void release() {
        try {
            command.close();
        } catch (IOException e) {
            LOG.debug("Closing the channel to {} failed: {}", host.display(), e.toString());
        }
    }

    /** The remote stderr with the wrapper's marker line (process id, login shell) taken out and remembered. */
    private static final class PidStrippingStream extends PushbackInputStream {
        private final Consumer<String> loginShell;
        private volatile long pid = -1;
        private boolean checked;

        PidStrippingStream(InputStream in, Consumer<String> loginShell) {
            super(in, 128);
            this.loginShell = loginShell;
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
                    String[] fields = first.substring(RemoteScript.PID_MARKER.length()).strip().split(" ", 2);
                    pid = parsePid(fields[0]);
                    if (fields.length > 1) {
                        loginShell.accept(fields[1]);
                    }
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
