package dev.incidentconsole.app.gui.links;

import dev.incidentconsole.app.gui.library.SectionTarget;
import dev.incidentconsole.app.gui.run.KnownValues;
import dev.incidentconsole.app.gui.util.DialogService;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.app.links.DeepLink;
import dev.incidentconsole.app.links.DeepLinkException;
import dev.incidentconsole.app.links.DeepLinkResolver;
import dev.incidentconsole.app.links.LinkTarget;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an {@code incident-console://} link in the window: checks it, finds its section off the UI thread,
 * shows the section in the Runbooks view and keeps the link's values as placeholder values for the commands
 * run from there (quoted when filled in, as every value; the link itself runs nothing). A link that is
 * refused or finds nothing is explained in a dialog. Call {@link #open} on the UI thread.
 */
public final class LinkOpener {
    private static final Logger LOG = LoggerFactory.getLogger(LinkOpener.class);
    private static final String TITLE = "Cannot open the link";
    private final TaskExecutor executor;
    private final DeepLinkResolver resolver;
    private final Consumer<SectionTarget> sections;
    private final KnownValues known;
    private final DialogService dialogs;
    private final ReadOnlyObjectWrapper<LinkTarget> opened = new ReadOnlyObjectWrapper<>();

    /**
     * @param sections shows a section in the Runbooks view
     * @param known    the placeholder values the Run views pre-fill from
     */
    public LinkOpener(TaskExecutor executor, DeepLinkResolver resolver, Consumer<SectionTarget> sections,
                      KnownValues known, DialogService dialogs) {
        this.executor = executor;
        this.resolver = resolver;
        this.sections = sections;
        this.known = known;
        this.dialogs = dialogs;
    }

    public void open(String url) {
        DeepLink link;
        try {
            link = DeepLink.parse(url);
        } catch (DeepLinkException e) {
            refuse(e);
            return;
        }
        executor.execute(() -> resolver.resolve(link), this::show, e -> {
            if (e instanceof DeepLinkException refused) {
                refuse(refused);
            } else {
                LOG.error("Opening a link failed", e);
                dialogs.warn(TITLE, "The link could not be opened (" + e.getClass().getSimpleName() + "); see the log.");
            }
        });
    }

    /** The last link's target once it is shown; {@code null} before. */
    public ReadOnlyObjectProperty<LinkTarget> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    private void show(LinkTarget target) {
        known.remember(target.values());
        sections.accept(SectionTarget.of(target.file(), target.path(), target.line()));
        opened.set(target);
        LOG.info("Opened link to {} with {} value(s)", target.describe(), target.values().size());
    }

    private void refuse(DeepLinkException e) {
        LOG.warn("Link refused: {}", e.getMessage());
        dialogs.warn(TITLE, e.getMessage());
    }
}
