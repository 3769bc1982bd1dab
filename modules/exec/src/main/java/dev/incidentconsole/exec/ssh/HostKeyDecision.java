package dev.incidentconsole.exec.ssh;

/**
 * Asks the engineer whether to trust a host key seen for the first time (the "authenticity of host ...
 * can't be established" prompt). Called on the thread that opens the connection, outside any SSH I/O, so it
 * may take as long as the engineer needs. Returning {@code true} records the key in known_hosts.
 */
@FunctionalInterface
public interface HostKeyDecision {

    boolean trust(UnknownHostKey key);

    /** Refuses every unknown key: only hosts already in known_hosts can be reached. */
    HostKeyDecision REJECT = key -> false;
}
