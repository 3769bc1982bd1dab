package dev.incidentconsole.health.alert;

import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.health.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which services an alert is about, from its labels: {@code service}, {@code job}, {@code app},
 * {@code component}, {@code container}, {@code deployment} naming a service or one of its components,
 * {@code pod} naming one once its ReplicaSet or StatefulSet suffix is dropped, {@code instance} its
 * {@code host:port} ({@code localhost} and {@code 127.0.0.1} are one host), and {@code namespace} one of its
 * tags. Stateless.
 */
final class AlertLabels {
    static final List<String> NAME_LABELS = List.of("service", "job", "app", "component", "container", "deployment");
    private static final Pattern POD_SUFFIX = Pattern.compile("(-[a-z0-9]{6,10})?-[a-z0-9]{5}$|-\\d+$");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    private AlertLabels() {
    }

    static List<AlertLinker.LabelMatch> match(FiringAlert alert, List<ServiceSpec> services) {
        List<AlertLinker.LabelMatch> out = new ArrayList<>();
        for (ServiceSpec s : services) {
            String label = why(alert, s);
            if (label != null) {
                out.add(new AlertLinker.LabelMatch(s, label));
            }
        }
        return out;
    }

    /** The label (as {@code name="value"}) that ties the alert to the service, or null. */
    static String why(FiringAlert alert, ServiceSpec spec) {
        for (String l : NAME_LABELS) {
            String v = alert.labels().get(l);
            if (v != null && names(spec, AlertMentions.key(v))) {
                return l + "=\"" + v + "\"";
            }
        }
        String pod = alert.labels().get("pod");
        if (pod != null && names(spec, AlertMentions.key(POD_SUFFIX.matcher(pod.toLowerCase(Locale.ROOT)).replaceFirst("")))) {
            return "pod=\"" + pod + "\"";
        }
        String instance = alert.labels().get("instance");
        if (instance != null && spec.port() > 0 && sameAddress(instance, spec)) {
            return "instance=\"" + instance + "\"";
        }
        String namespace = alert.labels().get("namespace");
        if (namespace != null && spec.tags().stream().anyMatch(t -> AlertMentions.key(t).equals(AlertMentions.key(namespace)))) {
            return "namespace=\"" + namespace + "\"";
        }
        return null;
    }

    private static boolean names(ServiceSpec spec, String key) {
        return !key.isEmpty() && (AlertMentions.key(spec.name()).equals(key) || spec.components().stream().anyMatch(c -> AlertMentions.key(c).equals(key)));
    }

    private static boolean sameAddress(String instance, ServiceSpec spec) {
        int colon = instance.lastIndexOf(':');
        if (colon < 0 || !instance.substring(colon + 1).equals(Integer.toString(spec.port()))) {
            return false;
        }
        String host = instance.substring(0, colon).toLowerCase(Locale.ROOT);
        String own = spec.host().toLowerCase(Locale.ROOT);
        return host.equals(own) || LOOPBACK.contains(host) && (LOOPBACK.contains(own) || own.isEmpty());
    }
}
