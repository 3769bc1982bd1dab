package dev.incidentconsole.app.gui;

import dev.incidentconsole.runbook.SectionKind;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The app's icons (Feather, via Ikonli), so every view picks the same glyph for the same meaning. */
public final class Icons {

    private Icons() {
    }

    /** A new icon node; extra style classes colour it (e.g. {@code icon-danger}). */
    public static FontIcon of(Ikon glyph, String... styleClasses) {
        FontIcon icon = new FontIcon(glyph);
        icon.getStyleClass().addAll(styleClasses);
        return icon;
    }

    /** The glyph for what a section is for. */
    public static Feather forKind(SectionKind kind) {
        return switch (kind) {
            case SYMPTOM -> Feather.ACTIVITY;
            case CAUSE -> Feather.HELP_CIRCLE;
            case DIAGNOSIS -> Feather.SEARCH;
            case RESOLUTION -> Feather.TOOL;
            case VERIFICATION -> Feather.CHECK_CIRCLE;
            case ROLLBACK -> Feather.ROTATE_CCW;
            case PREVENTION -> Feather.SHIELD;
            case ESCALATION -> Feather.PHONE_CALL;
            case REFERENCE -> Feather.BOOKMARK;
            case OTHER -> Feather.HASH;
        };
    }
}
