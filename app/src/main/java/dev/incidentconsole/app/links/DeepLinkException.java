package dev.incidentconsole.app.links;

/** A link that is malformed, unsafe or names nothing the runbooks have; the message says which part and why. */
public final class DeepLinkException extends Exception {
    private static final long serialVersionUID = 1L;

    public DeepLinkException(String message) {
        super(message);
    }
}
