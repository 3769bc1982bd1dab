package dev.incidentconsole.app.gui.links;

import dev.incidentconsole.exec.testing.TestUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.Navigation;
import dev.incidentconsole.app.gui.Navigation.Destination;
import dev.incidentconsole.app.gui.run.CommandRunViewModel;
import dev.incidentconsole.app.gui.run.KnownValues;
import dev.incidentconsole.app.gui.run.PlaceholderField;
import dev.incidentconsole.app.gui.run.RunServices;
import dev.incidentconsole.app.gui.run.TerminalLauncher;
import dev.incidentconsole.app.gui.runbooks.RunbookLoader;
import dev.incidentconsole.app.gui.runbooks.RunbookTreeViewModel;
import dev.incidentconsole.app.gui.search.SectionOpener;
import dev.incidentconsole.app.gui.util.DialogService;
import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.gui.util.HeldTaskExecutor;
import dev.incidentconsole.app.links.DeepLinkResolver;
import dev.incidentconsole.app.links.LinkRunbooks;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.targets.TargetCatalog;
import dev.incidentconsole.app.targets.TargetInfo;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.RunbookParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A link opened in the window, end to end below the controls: parse, resolve, Runbooks view, Run pre-fill. */
class LinkOpenerTest {
    @TempDir
    Path dir;

    private final Navigation navigation = new Navigation();
    private final KnownValues known = new KnownValues();
    private final List<String> warnings = new ArrayList<>();
    private RunbookTreeViewModel tree;
    private LinkOpener opener;
    private CommandRunner runner;
    private DialogService dialogs;

    @BeforeEach
    void window() throws Exception {
        Path folder = LinkRunbooks.write(dir.resolve("runbooks"));
        navigation.add(new Destination("dashboard", "Dashboard", null));
        navigation.add(new Destination("runbooks", "Runbooks", null));
        DirectTaskExecutor executor = new DirectTaskExecutor();
        tree = new RunbookTreeViewModel(executor, new RunbookLoader(new RunbookParser()));
        tree.load(dir.resolve("runbooks"));
        dialogs = new DialogService() {
            @Override
            public Optional<Path> chooseDirectory(String title, Path initial) {
                return Optional.empty();
            }

            @Override
            public void warn(String title, String message) {
                warnings.add(message);
            }
        };
        opener = new LinkOpener(executor, new DeepLinkResolver(List.of(folder), new RunbookParser()),
                new SectionOpener(navigation, "runbooks", tree, f -> Optional.of(folder)), known, dialogs);
        runner = CommandRunner.withoutSshPrompts(ExecSettings.defaults(TestUser.current()).withOutputDir(dir.resolve("runs")));
    }

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void alertLinkShowsTheAlertSectionAndItsRunPanelsArePrefilledQuotedWithoutRunning() {
        opener.open("incident-console://alert?name=PodCrashLooping&label.namespace=lantern"
                + "&label.pod=api-1%3B%20rm%20-rf%20~");

        assertThat(warnings).isEmpty();
        assertThat(navigation.currentProperty().get().id()).isEqualTo("runbooks");
        assertThat(tree.selectedProperty().get().section().path()).containsExactly("Pod Failures", "Alerts", "Alert: PodCrashLooping");

        Command describe = opener.openedProperty().get().commands().get(0);
        CommandRunViewModel run = new CommandRunViewModel(describe, new TargetCatalog(List.of(new TargetInfo(
                new LocalTarget("sandbox", dir, Map.of(), false), "local", "this machine", "test")), List.of(), null),
                new RunServices(runner, new DirectTaskExecutor(), Runnable::run, null, TerminalLauncher.system(LaunchOptions.fromSystem()), known));
        assertThat(run.placeholders()).extracting(PlaceholderField::value).containsExactly("lantern", "api-1; rm -rf ~");
        assertThat(run.previewProperty().get()).isEqualTo("kubectl -n 'lantern' describe pod 'api-1; rm -rf ~'");
        assertThat(run.resultProperty().get()).isNull();
        assertThat(run.output()).isEmpty();
    }

    @Test
    void openLinkShowsTheHeading() {
        opener.open("incident-console://open?runbook=k8s/pods.md#Restart%20a%20deployment");

        assertThat(tree.selectedProperty().get().section().path()).containsExactly("Pod Failures", "Restart a deployment");
        assertThat(known.lookup("namespace", null)).isEmpty();
    }

    @Test
    void openLinkShowsTheHeadingWhenItArrivesWhileTheRunbooksAreStillLoading() throws Exception {
        // The window's start: the outline's first load is under way when the link is resolved.
        HeldTaskExecutor held = new HeldTaskExecutor();
        RunbookTreeViewModel loading = new RunbookTreeViewModel(held, new RunbookLoader(new RunbookParser()));
        Path folder = dir.resolve("runbooks");
        loading.load(folder);
        LinkOpener early = new LinkOpener(new DirectTaskExecutor(), new DeepLinkResolver(List.of(folder),
                new RunbookParser()), new SectionOpener(navigation, "runbooks", loading, f -> Optional.of(folder)),
                known, dialogs);

        early.open("incident-console://open?runbook=k8s/pods.md#Restart%20a%20deployment");
        held.runAll();

        assertThat(warnings).isEmpty();
        assertThat(loading.selectedProperty().get()).isNotNull();
        assertThat(loading.selectedProperty().get().section().path())
                .containsExactly("Pod Failures", "Restart a deployment");
    }

    @Test
    void refusedLinkIsExplainedAndChangesNothing() {
        opener.open("incident-console://open?runbook=../../etc/passwd.md");
        opener.open("incident-console://alert?name=DiskFull");

        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("'..' is refused");
        assertThat(warnings.get(1)).contains("names the alert 'DiskFull'");
        assertThat(navigation.currentProperty().get().id()).isEqualTo("dashboard");
        assertThat(tree.selectedProperty().get()).isNull();
    }
}
