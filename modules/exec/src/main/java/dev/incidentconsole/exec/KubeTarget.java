package dev.incidentconsole.exec;

import java.nio.file.Path;

/**
 * A Kubernetes context and namespace, driven through the local {@code kubectl} binary. Every
 * {@code kubectl} the command runs gets {@code --context context} and, when it names no namespace
 * ({@code -n}, {@code --namespace}, {@code -A}, {@code --all-namespaces}), {@code -n namespace}.
 * With a {@code pod}, the whole command runs inside that pod instead:
 * {@code kubectl exec -n NS POD [-c CONTAINER] -- sh -c '...'}.
 *
 * @param context    kubeconfig context; {@code null} for the current context
 * @param namespace  default namespace; {@code null} for the context's default
 * @param kubeconfig kubeconfig file; {@code null} for {@code $KUBECONFIG} or {@code ~/.kube/config}
 * @param pod        pod to run inside, or {@code null} to run kubectl commands locally
 * @param container  container of {@code pod}; {@code null} for its default container
 */
public record KubeTarget(String name, String context, String namespace, Path kubeconfig, String pod,
                         String container, boolean production) implements Target {

    public static KubeTarget of(String context, String namespace, boolean production) {
        String label = (context == null ? "current context" : context)
                + (namespace == null ? "" : "/" + namespace);
        return new KubeTarget(label, context, namespace, null, null, null, production);
    }

    /** The same context and namespace, but commands run inside {@code pod} (and {@code container}). */
    public KubeTarget inPod(String pod, String container) {
        return new KubeTarget(name + " pod " + pod, context, namespace, kubeconfig, pod, container, production);
    }

    public KubeTarget withKubeconfig(Path file) {
        return new KubeTarget(name, context, namespace, file, pod, container, production);
    }
}
