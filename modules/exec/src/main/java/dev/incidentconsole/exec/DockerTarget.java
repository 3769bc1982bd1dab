package dev.incidentconsole.exec;

/**
 * Docker on a host: {@code docker} and {@code docker compose} commands run on {@code host} (the local
 * machine or an SSH host, with its working directory and environment). With a {@code container}, the
 * whole command runs inside it instead: {@code docker exec CONTAINER sh -c '...'}.
 *
 * @param host      where the docker CLI runs: a {@link LocalTarget} or an {@link SshTarget}
 * @param container container to run inside, or {@code null}
 */
public record DockerTarget(String name, Target host, String container, boolean production) implements Target {

    public DockerTarget {
        if (!(host instanceof LocalTarget) && !(host instanceof SshTarget)) {
            throw new IllegalArgumentException("Docker target '" + name + "' must run on a local or SSH host");
        }
    }

    public static DockerTarget on(Target host) {
        return new DockerTarget("docker@" + host.name(), host, null, host.production());
    }

    public DockerTarget inContainer(String containerName) {
        return new DockerTarget(name + " " + containerName, host, containerName, production);
    }
}
