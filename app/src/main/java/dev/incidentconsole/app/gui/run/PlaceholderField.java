package dev.incidentconsole.app.gui.run;

import dev.incidentconsole.runbook.Placeholder;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One value to fill in before a command runs. {@code <name>}, {@code {name}} and {@code [NAME]} placeholders are
 * required ({@link Placeholder#required()}); {@code $NAME}, {@code ${NAME}} and bare {@code CAPS} ones may stay
 * empty (the shell then expands its own variable, or the word stays as written). Touch on the UI thread only.
 */
public final class PlaceholderField {
    private final Placeholder placeholder;
    private boolean secret;
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    /** Who put the current value in: anything but this class (the engineer typing, a restore) is {@code TYPED}. */
    private enum Source { TYPED, TARGET, OFFER, SUGGESTION }

    private Source source = Source.TYPED;
    private boolean setting;
    /**
     * The value {@link #suggest} put in, kept while the field holds it or a target's pre-fill that replaced it (to be
     * put back when a target knowing none is chosen); null once anything else set the value.
     */
    private String suggestion;

    PlaceholderField(Placeholder placeholder, boolean secret) {
        this.placeholder = placeholder;
        this.secret = secret;
        value.addListener((obs, old, now) -> {
            if (!setting) {
                source = Source.TYPED;
                suggestion = null;
            }
        });
    }

    public String name() {
        return placeholder.name();
    }

    /** As written in the command, e.g. {@code <pod-name>}. */
    public String token() {
        return placeholder.token();
    }

    public boolean required() {
        return placeholder.required();
    }

    /**
     * Whether the value typed here is a secret (the command's masker masks it where it stands, or its name says so),
     * so its field hides it as the command on screen does: a walkthrough is often worked on a shared screen.
     */
    public boolean secret() {
        return secret;
    }

    /**
     * Makes this field a secret one: its name holds a secret elsewhere (another step of the walkthrough), so a value
     * carried over from there must not show here. Call before the field's input is built.
     */
    void markSecret() {
        secret = true;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public String value() {
        return value.get();
    }

    public boolean filled() {
        return !value.get().isBlank();
    }

    /**
     * Offers the value the chosen target knows (empty: none); it replaces the field only while the engineer has not
     * typed their own: a blank field, the previous target's pre-fill, or a {@link #suggest suggested} value when this
     * target knows one. A target knowing none puts the suggestion its pre-fill replaced back (else leaves it blank).
     */
    void prefill(String known) {
        boolean blank = value.get().isBlank();
        if (source == Source.TARGET && known.isBlank() && suggestion != null) {
            put(Source.SUGGESTION, suggestion);
        } else if (blank || source == Source.TARGET || source == Source.SUGGESTION && !known.isBlank()) {
            put(Source.TARGET, known);
        }
    }

    /**
     * Offers a value known from elsewhere that ranks above a target's own (in a walkthrough, one typed, captured or
     * given by the service): it replaces a blank field, an earlier offer or suggestion, or a target's pre-fill; never
     * a typed value.
     */
    public void offer(String offered) {
        if (value.get().isBlank() || source != Source.TYPED) {
            suggestion = null;
            put(Source.OFFER, offered);
        }
    }

    /**
     * Offers a value the engineer did not type that ranks below any target's own (in a walkthrough, what another step's
     * target gave), into a blank field or over an earlier offer or suggestion: choosing a target that knows a value
     * for this field replaces it, one that knows none puts it back.
     */
    public void suggest(String offered) {
        if (value.get().isBlank() || source == Source.OFFER || source == Source.SUGGESTION) {
            suggestion = offered;
            put(Source.SUGGESTION, offered);
        }
    }

    private void put(Source by, String text) {
        setting = true;
        try {
            value.set(text);
        } finally {
            setting = false;
        }
        source = by;
    }
}
