package dev.incidentconsole.health.spec;

/** A TCP connect: the service is up when the port accepts a connection. */
public record TcpSpec(String host, int port) implements ProbeSpec {
    @Override
    public String kind() {
        return "tcp";
    }

    @Override
    public String describe() {
        return "TCP connect " + host + ":" + port;
    }
}
