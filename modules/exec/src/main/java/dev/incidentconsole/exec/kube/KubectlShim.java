package dev.incidentconsole.exec.kube;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * A {@code kubectl} script put first on PATH for runs on a {@code KubeTarget}, so that every kubectl the
 * command starts (in pipes, {@code $(...)}, {@code watch}, {@code xargs}) gets the target's context and
 * namespace by the rule of {@link KubectlArgs#scope}; rewriting the command text could not reach those.
 * The script reads the real binary, context and namespace from the environment ({@link #environment}).
 */
public final class KubectlShim {
    static final String SCRIPT = """
            #!/bin/sh
            # Incident Console: adds the target's --context and -n to this kubectl call unless it names its own.
            own_ctx=; own_ns=; seen_dashes=
            for a in "$@"; do
              case $a in
                --) break ;;
                --context|--context=*) own_ctx=1 ;;
                -n|--namespace|--namespace=*|-A|--all-namespaces|--all-namespaces=*) own_ns=1 ;;
                --*) ;;
                -n?*) own_ns=1 ;;
              esac
            done
            [ -n "$IC_KUBE_CONTEXT" ] && [ -z "$own_ctx" ] || own_ctx=1
            [ -n "$IC_KUBE_NAMESPACE" ] && [ -z "$own_ns" ] || own_ns=1
            count=$#
            for a in "$@"; do
              if [ "$a" = "--" ] && [ -z "$seen_dashes" ]; then
                seen_dashes=1
                [ -z "$own_ctx" ] && set -- "$@" --context "$IC_KUBE_CONTEXT"
                [ -z "$own_ns" ] && set -- "$@" -n "$IC_KUBE_NAMESPACE"
              fi
              set -- "$@" "$a"
            done
            shift "$count"
            if [ -z "$seen_dashes" ]; then
              [ -z "$own_ctx" ] && set -- "$@" --context "$IC_KUBE_CONTEXT"
              [ -z "$own_ns" ] && set -- "$@" -n "$IC_KUBE_NAMESPACE"
            fi
            exec "$IC_KUBECTL" "$@"
            """;

    private KubectlShim() {
    }

    /** Writes the script as {@code dir/kubectl} (executable) if it is not there yet; returns {@code dir}. */
    public static synchronized Path install(Path dir) throws IOException {
        Path script = dir.resolve("kubectl");
        Files.createDirectories(dir);
        if (!Files.exists(script) || !Files.readString(script, StandardCharsets.UTF_8).equals(SCRIPT)) {
            Path tmp = Files.createTempFile(dir, "kubectl", ".tmp");
            Files.writeString(tmp, SCRIPT, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(tmp, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return dir;
    }

    /** The variables the script reads; {@code context} and {@code namespace} may be {@code null}. */
    public static Map<String, String> environment(Path realKubectl, String context, String namespace) {
        return Map.of("IC_KUBECTL", realKubectl.toString(),
                "IC_KUBE_CONTEXT", context == null ? "" : context,
                "IC_KUBE_NAMESPACE", namespace == null ? "" : namespace);
    }
}
