package dev.incidentconsole.exec;

import dev.incidentconsole.exec.kube.KubectlArgs;
import dev.incidentconsole.exec.ssh.SshHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shell text that runs a prepared command interactively in a terminal on its target: {@code ssh -t} for
 * SSH hosts, {@code kubectl exec -it} / {@code docker exec -it} for pods and containers, and for a kube context
 * the same kubectl scoping as a captured run (exec's kubectl shim on PATH). Pure; thread-safe. Reached through
 * {@link CommandRunner#terminalScript}, which holds back a destructive command that is not confirmed.
 */
final class TerminalScript {

    private TerminalScript() {
    }

    /**
     * @param shimDir folder holding exec's kubectl shim, for a kube context target (no pod); {@code null} otherwise
     * @param kubectl the real kubectl binary, for a kube context target; {@code null} otherwise
     */
    static String of(PreparedCommand prepared, Path shimDir, Path kubectl) throws ExecException {
        return on(prepared.target(), prepared.text(), shimDir, kubectl);
    }

    private static String on(Target target, String text, Path shimDir, Path kubectl) throws ExecException {
        if (target instanceof LocalTarget local) {
            return prefix(local.workingDir() == null ? null : local.workingDir().toString(), local.environment()) + text;
        }
        if (target instanceof SshTarget ssh) {
            return ssh(ssh.host(), prefix(ssh.workingDir(), ssh.environment()) + text);
        }
        if (target instanceof DockerTarget docker) {
            String inner = docker.container() == null ? text : "docker exec -it " + ShellQuote.quote(docker.container())
                    + " sh -c " + ShellQuote.quote(text);
            return on(docker.host(), inner, shimDir, kubectl);
        }
        KubeTarget kube = (KubeTarget) target;
        String config = kube.kubeconfig() == null ? "" : "KUBECONFIG=" + ShellQuote.quote(kube.kubeconfig().toString()) + " ";
        if (kube.pod() != null) {
            List<String> args = new ArrayList<>(KubectlArgs.execInPod(kube.namespace(), kube.pod(), kube.container(), text));
            args.add(2, "-it");
            List<String> scoped = new ArrayList<>(List.of("kubectl"));
            scoped.addAll(KubectlArgs.scope(args.subList(1, args.size()), kube.context(), null));
            return config + String.join(" ", KubectlArgs.quoteAll(scoped));
        }
        if (shimDir == null || kubectl == null) {
            // the text alone would run on the terminal's own context, not the target's
            throw new IllegalArgumentException("a kube context target needs kubectl and exec's helper");
        }
        return config + "PATH=" + ShellQuote.quote(shimDir.toString()) + ":\"$PATH\""
                + " IC_KUBECTL=" + ShellQuote.quote(kubectl.toString())
                + " IC_KUBE_CONTEXT=" + ShellQuote.quote(kube.context() == null ? "" : kube.context())
                + " IC_KUBE_NAMESPACE=" + ShellQuote.quote(kube.namespace() == null ? "" : kube.namespace())
                + " bash -c " + ShellQuote.quote(text);
    }

    private static String prefix(String workingDir, Map<String, String> environment) throws ExecException {
        RemoteScript.checkNames(environment); // a name is written unquoted: it must be one
        StringBuilder out = new StringBuilder();
        if (workingDir != null) {
            out.append("cd ").append(ShellQuote.quote(workingDir)).append(" && ");
        }
        environment.forEach((k, v) -> out.append("export ").append(k).append('=').append(ShellQuote.quote(v))
                .append("; "));
        return out.toString();
    }

    private static String ssh(SshHost host, String remote) {
        List<String> argv = new ArrayList<>(List.of("ssh", "-t"));
        if (host.port() != 22) {
            argv.addAll(List.of("-p", String.valueOf(host.port())));
        }
        host.identityFiles().forEach(f -> argv.addAll(List.of("-i", f.toString())));
        if (host.proxyJump() != null) {
            argv.addAll(List.of("-J", host.proxyJump()));
        }
        if (host.knownHosts() != null) {
            argv.addAll(List.of("-o", "UserKnownHostsFile=" + host.knownHosts()));
        }
        argv.add(host.user() + "@" + host.host());
        argv.add(remote);
        return String.join(" ", KubectlArgs.quoteAll(argv));
    }
}
