package dev.incidentconsole.shell;

/** A redirection whose target (and, for a here-document, body) is still to come. */
final class HeredocBuilder {
    final int fd;
    final String operator;
    Word target;
    boolean expanding;
    String body;
    int bodyStart = -1;

    HeredocBuilder(int fd, String operator) {
        this.fd = fd;
        this.operator = operator;
    }

    Redirection build() {
        return new Redirection(fd, operator, target, body, bodyStart, expanding);
    }
}
