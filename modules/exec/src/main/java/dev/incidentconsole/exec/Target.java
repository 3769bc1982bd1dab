package dev.incidentconsole.exec;

/**
 * Where a command runs. Implementations are immutable values; the {@link CommandRunner} knows how to run
 * on each. {@link #production()} marks a target the UI must flag (red badge, confirmation wording).
 */
public sealed interface Target permits LocalTarget, SshTarget, KubeTarget, DockerTarget {

    /** Name shown to the engineer, e.g. {@code prod-eu (kubectl)}. */
    String name();

    /** True when commands here touch production. */
    boolean production();
}
