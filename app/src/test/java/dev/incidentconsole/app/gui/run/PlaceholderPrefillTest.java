package dev.incidentconsole.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.targets.TargetCatalog;
import dev.incidentconsole.app.targets.TargetInfo;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.exec.testing.TestUser;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.DangerRules;
import dev.incidentconsole.runbook.Placeholders;
import dev.incidentconsole.runbook.Runner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which value a placeholder field shows as targets are chosen and values offered: a target's own value over a
 * suggestion, an offer over a target's, and a typed value over all. A fresh {@link KnownValues} each time, so nothing
 * comes back because the session remembered it.
 */
class PlaceholderPrefillTest {
    @TempDir
    Path dir;

    private CommandRunner runner;
    private CommandRunViewModel model;
    private PlaceholderField namespace;
    private TargetInfo eu;
    private TargetInfo local;

    @BeforeEach
    void model() {
        runner = CommandRunner.withoutSshPrompts(ExecSettings.defaults(TestUser.current()).withOutputDir(dir.resolve("runs")));
        RunServices services = new RunServices(runner, new DirectTaskExecutor(), new UiQueue(), new RunTestDialogs(),
                TerminalLauncher.system(LaunchOptions.fromSystem()), new KnownValues());
        eu = new TargetInfo(new LocalTarget("eu", dir, Map.of("NAMESPACE", "shop-eu"), false), "local", "eu", "test");
        local = new TargetInfo(new LocalTarget("sandbox", dir, Map.of(), false), "local", "this machine", "test");
        String text = "kubectl -n <namespace> get pods";
        model = new CommandRunViewModel(new Command(text, 1, "", "", Placeholders.find(text), Runner.SHELL, DangerRules.check(text)),
                new TargetCatalog(List.of(local, eu), List.of(), null), services);
        assertThat(model.chooseTarget(local)).isTrue();
        namespace = model.placeholders().get(0);
    }

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void aSuggestionReplacedByATargetsValueComesBackWhenATargetKnowingNoneIsChosen() {
        namespace.suggest("shop-staging");

        assertThat(model.chooseTarget(eu)).isTrue();
        assertThat(namespace.value()).as("the chosen target's own").isEqualTo("shop-eu");
        assertThat(model.chooseTarget(local)).isTrue();
        assertThat(namespace.value()).as("the suggestion put back, not a blank field").isEqualTo("shop-staging");
        assertThat(model.chooseTarget(eu)).isTrue();
        assertThat(namespace.value()).isEqualTo("shop-eu");
    }

    @Test
    void aTypedValueEqualToAnEarlierSuggestionStaysWhenATargetKnowingOneIsChosen() {
        namespace.suggest("shop-staging");
        namespace.valueProperty().set("shop-stag");
        namespace.valueProperty().set("shop-staging");

        assertThat(model.chooseTarget(eu)).isTrue();

        assertThat(namespace.value()).isEqualTo("shop-staging");
    }

    @Test
    void anOfferOverASuggestionRanksAboveTheTargetsValue() {
        namespace.suggest("shop-staging");
        namespace.offer("shop-captured");

        assertThat(model.chooseTarget(eu)).isTrue();
        assertThat(namespace.value()).isEqualTo("shop-captured");
        assertThat(model.chooseTarget(local)).isTrue();
        assertThat(namespace.value()).isEqualTo("shop-captured");
    }

    @Test
    void anOfferReplacesATargetsValueButNeverATypedOne() {
        assertThat(model.chooseTarget(eu)).isTrue();
        namespace.offer("shop-captured");
        assertThat(namespace.value()).isEqualTo("shop-captured");

        namespace.valueProperty().set("typed-ns");
        namespace.offer("shop-other");
        namespace.suggest("shop-staging");
        assertThat(model.chooseTarget(local)).isTrue();

        assertThat(namespace.value()).isEqualTo("typed-ns");
    }
}
