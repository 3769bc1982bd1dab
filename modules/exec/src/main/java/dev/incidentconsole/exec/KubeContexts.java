package dev.incidentconsole.exec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs {@code kubectl config get-contexts -o name} and reads the names. */
final class KubeContexts {

    private KubeContexts() {
    }

    static List<String> list(Path kubectl, List<String> args, Path kubeconfig, Duration timeout)
            throws ExecException {
        List<String> argv = new ArrayList<>();
        argv.add(kubectl.toString());
        argv.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(argv);
        if (kubeconfig != null) {
            pb.environment().put("KUBECONFIG", kubeconfig.toString());
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Process p = pb.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTree.kill(p.toHandle(), Duration.ZERO);
                throw new ExecException(ExecException.Reason.TOOL_FAILED, "kubectl did not list the contexts within "
                        + timeout.toSeconds() + " s.");
            }
            if (p.exitValue() != 0) {
                throw new ExecException(ExecException.Reason.TOOL_FAILED, "kubectl could not list the contexts: "
                        + err.join().strip() + ".");
            }
            return out.join().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new ExecException(ExecException.Reason.TOOL_MISSING, "Could not run " + kubectl + ": "
                    + e.getMessage() + ".", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecException(ExecException.Reason.INTERRUPTED, "Interrupted while listing kube contexts.");
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
