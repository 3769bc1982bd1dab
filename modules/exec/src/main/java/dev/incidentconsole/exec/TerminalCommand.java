package dev.incidentconsole.exec;

import dev.incidentconsole.exec.ssh.SshHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The argument vector that runs a prepared command interactively, for the GUI to hand to a terminal
 * emulator when {@link Interactivity#needsTerminal()} (e.g. {@code x-terminal-emulator -e ARGV...}):
 * {@code ssh -t} for SSH hosts, the same kubectl scoping and in-pod wrapping as {@link CommandRunner}, the
 * target's working directory and environment. The values are the engineer's own; nothing is run here.
 */
public final class TerminalCommand {

    private TerminalCommand() {
    }

    /**
     * @param prepared  what to run
     * @param shimDir   the directory holding the kubectl helper ({@code null} when the target is not kube)
     * @param kubectl   the real kubectl binary ({@code null} when the target is not kube)
     */
    static List<String> argv(PreparedCommand prepared, Path shimDir, Path kubectl, String pathVar) throws ExecException {
        return argv(prepared.runText(), prepared.target(), shimDir, kubectl, pathVar);
    }

    private static List<String> argv(String text, Target target, Path shimDir, Path kubectl, String pathVar)
            throws ExecException {
        if (target instanceof LocalTarget local) {
            return local(text, local.workingDir(), local.environment(), pathVar);
        } else if (target instanceof SshTarget remote) {
            return ssh(text, remote);
        } else if (target instanceof DockerTarget docker) {
            return argv(text, docker.host(), shimDir, kubectl, pathVar);
        }
        KubeTarget kube = (KubeTarget) target;
        List<String> env = new ArrayList<>(List.of("env", "PATH=" + shimDir + ":" + pathVar));
        dev.incidentconsole.exec.kube.KubectlShim.environment(kubectl, kube.context(), kube.namespace())
                .forEach((k, v) -> env.add(k + "=" + v));
        if (kube.kubeconfig() != null) {
            env.add("KUBECONFIG=" + kube.kubeconfig());
        }
        env.addAll(local(text.replaceFirst("^kubectl exec ", "kubectl exec -it "), null, Map.of(), pathVar));
        return env;
    }

    private static List<String> local(String text, Path dir, Map<String, String> environment, String pathVar) {
        List<String> argv = new ArrayList<>();
        if (!environment.isEmpty()) {
            argv.add("env");
            environment.forEach((k, v) -> argv.add(k + "=" + v));
        }
        String shell = Executables.localShell(pathVar).toString();
        argv.addAll(List.of(shell, "-c", dir == null ? text : "cd " + ShellQuote.quote(dir.toString()) + " && " + text));
        return argv;
    }

    private static List<String> ssh(String text, SshTarget target) throws ExecException {
        SshHost host = target.host();
        List<String> argv = new ArrayList<>(List.of("ssh", "-t", "-p", String.valueOf(host.port())));
        for (Path key : host.identityFiles()) {
            argv.addAll(List.of("-i", key.toString()));
        }
        if (host.knownHosts() != null) {
            argv.addAll(List.of("-o", "UserKnownHostsFile=" + host.knownHosts()));
        }
        if (host.proxyJump() != null) {
            argv.addAll(List.of("-J", host.proxyJump()));
        }
        argv.add(host.user() + "@" + host.host());
        StringBuilder remote = new StringBuilder();
        RemoteScript.checkNames(target.environment());
        target.environment().forEach((k, v) -> remote.append("export ").append(k).append('=')
                .append(ShellQuote.quote(v)).append("; "));
        if (target.workingDir() != null) {
            remote.append("cd ").append(ShellQuote.quote(target.workingDir())).append(" || exit 1; ");
        }
        argv.add(remote.append(text).toString());
        return argv;
    }
}
