package dev.incidentconsole.app.gui.run;

import dev.incidentconsole.app.gui.util.MaskedText;
import dev.incidentconsole.app.targets.TargetCatalog;
import dev.incidentconsole.app.targets.TargetInfo;
import dev.incidentconsole.exec.Confirmation;
import dev.incidentconsole.exec.ExecException;
import dev.incidentconsole.exec.OutputLine;
import dev.incidentconsole.exec.PreparedCommand;
import dev.incidentconsole.exec.RunRequest;
import dev.incidentconsole.exec.RunResult;
import dev.incidentconsole.runbook.Command;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One runbook command about to run, running or finished: the target it runs on, the placeholder values,
 * the command as it will run, and the output as it streams. Destructive commands and production targets
 * are confirmed through the {@code DialogService}; interactive ones are offered a system terminal. Call
 * every method on the UI thread; output arrives there in batches ({@link OutputBatcher}), the last
 * {@link #MAX_LINES} lines kept (the run's output file has all of them). Commands and output
 * ({@link ShownOutput}) are shown with their secrets masked, each revealed on request; the preview text and the
 * output lines themselves stay real.
 */
public final class CommandRunViewModel {
    /** Lines kept for the output list; older lines stay in the output file. */
    public static final int MAX_LINES = 5_000;

    private final Command command;
    private final RunServices services;
    private final RunQuestions questions;
    private final ObservableList<TargetInfo> targets = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TargetInfo> target = new ReadOnlyObjectWrapper<>(this, "target");
    private final List<PlaceholderField> placeholders;
    private final ReadOnlyObjectWrapper<PreparedCommand> prepared = new ReadOnlyObjectWrapper<>(this, "prepared");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ReadOnlyObjectWrapper<MaskedText> shownCommand = new ReadOnlyObjectWrapper<>(this, "shownCommand",
            MaskedText.of(""));
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper fromSecrets = new ReadOnlyStringWrapper(this, "fromSecrets", "");
    private final RunRequests requests;
    private final RunSession session = new RunSession(MAX_LINES);
    private final ShownOutput shownOutput = new ShownOutput(session.outputView);
    private final StringBinding missing;
    private final BooleanBinding canRun;
    private boolean productionConfirmed;
    private RunListener listener = new RunListener() { };
    private String origin = RunHistory.AD_HOC;

    /** Told on the UI thread what happens to this command's runs, e.g. to record them on an incident timeline. */
    public interface RunListener {
        /** The checks passed and {@code command} is starting on {@code target}. */
        default void started(PreparedCommand command, TargetInfo target) {
        }

        /** The run ended with {@code result}; {@code null} when it could not start ({@link #messageProperty()} says why). */
        default void ended(RunResult result) {
        }

        /** Stop was pressed before the run started (waiting for a worker, connecting): nothing ran. */
        default void stoppedBeforeStart() {
            ended(null);
        }

        /** The command was handed to a system terminal on {@code target}; its output is not seen here. */
        default void openedInTerminal(PreparedCommand command, TargetInfo target) {
        }

        /** The command was not run: a confirmation it needed was declined or cancelled; {@code why} says which. */
        default void notRun(PreparedCommand command, TargetInfo target, String why) {
        }
    }

    public CommandRunViewModel(Command command, TargetCatalog catalog, RunServices services) {
        this.command = command;
        this.services = services;
        this.questions = new RunQuestions(services.dialogs());
        this.requests = new RunRequests(command);
        this.placeholders = requests.placeholders();
        placeholders.forEach(f -> f.valueProperty().addListener((obs, old, now) -> refresh()));
        Observable[] values = placeholders.stream().map(PlaceholderField::valueProperty).toArray(Observable[]::new);
        this.missing = Bindings.createStringBinding(() -> String.join(", ", placeholders.stream()
                .filter(f -> f.required() && !f.filled()).map(PlaceholderField::token).toList()), values);
        this.canRun = missing.isEmpty().and(runningProperty().not());
        setCatalog(catalog);
    }

    /** Where this command's runs say they came from in the Runs view's history ({@link RunHistory#AD_HOC} by default). */
    public void setOrigin(String value) {
        this.origin = value;
    }

    /** Who hears about the runs; one listener at a time. */
    public void setRunListener(RunListener value) {
        this.listener = value == null ? new RunListener() { } : value;
    }

    /** Replaces the targets (after discovery), keeping the chosen one when it is still there. */
    public void setCatalog(TargetCatalog catalog) {
        requests.setSecrets(catalog.secrets());
        targets.setAll(catalog.targets());
        TargetInfo current = target.get();
        TargetInfo keep = current == null ? null : catalog.find(current.name()).orElse(null);
        select(keep != null ? keep : catalog.suggest(command.runner()), keep != null && productionConfirmed);
    }

    /**
     * Switches to {@code next}; switching to a production target asks first.
     *
     * @return false when the engineer declined (the target stays as it was)
     */
    public boolean chooseTarget(TargetInfo next) {
        if (next == null || next.equals(target.get())) {
            return true;
        }
        if (next.production() && !questions.switchToProduction(next)) {
            return false;
        }
        select(next, next.production());
        return true;
    }

    private void select(TargetInfo next, boolean confirmed) {
        productionConfirmed = confirmed;
        target.set(next);
        // A value pre-filled for the previous target goes when this one knows none; typed values stay.
        placeholders.forEach(f -> f.prefill(services.known().lookup(f.name(), next, f.secret()).orElse("")));
        refresh();
    }

    /** Re-prepares the command for the preview, the danger badge and the terminal hint. */
    private void refresh() {
        fromSecrets.set(requests.fromSecretsNote(target.get()));
        try {
            PreparedCommand p = services.runner().prepare(request());
            prepared.set(p);
            preview.set(p.text());
        } catch (ExecException e) {
            prepared.set(null);
            preview.set(command.text());
        }
        if (!preview.get().equals(shownCommand.get().real())) {
            showCommand();
        }
    }

    private void showCommand() {
        // prepared, every <x> was substituted: a quoted one is a typed value
        String text = preview.get();
        PreparedCommand p = prepared.get();
        shownCommand.set(p != null ? MaskedText.ofRunCommand(text, p.masker()) : MaskedText.ofCommand(text));
    }

    /**
     * Makes the fields {@code secret} picks secret (a walkthrough's name held as secret by another step), the command
     * shown again with their values masked (one may have been pre-filled already). Call before the fields are shown.
     */
    public void markSecret(Predicate<PlaceholderField> secret) {
        placeholders.stream().filter(secret).forEach(PlaceholderField::markSecret);
        refresh();
        showCommand();
    }

    /** Shows secret number {@code secret} of the command in clear (until the command text changes). */
    public void revealInCommand(int secret) {
        shownCommand.set(shownCommand.get().reveal(secret));
    }

    /** The output as the screen shows it: secrets masked, each revealed on request. */
    public ShownOutput shownOutput() {
        return shownOutput;
    }

    private RunRequest request() {
        return requests.forRun(target.get().target());
    }

    private Map<String, String> values() {
        return requests.values();
    }

    /** Runs the command on the chosen target after the checks: values filled, confirmations given. */
    public void run() {
        if (session.running.get()) {
            return;
        }
        PreparedCommand p = checked();
        if (p == null) {
            return;
        }
        if (p.interactivity().needsTerminal()) {
            if (questions.offerTerminal(p, target.get()) && confirmed(p)) {
                launchTerminal(p);
            } else {
                message.set("Not run: " + p.interactivity().reason() + ", which needs a terminal.");
            }
            return;
        }
        if (!confirmed(p)) {
            message.set("Not run: you did not confirm it.");
            listener.notRun(p, target.get(), declined(p, target.get()));
            return;
        }
        services.known().remember(values(), requests.secretNames());
        message.set("");
        shownOutput.startRun(p.text(), p.secrets());
        listener.started(p, target.get());
        RunHistory.Run listed = services.history().started(p, target.get().name(), origin);
        session.start(services, p, p.dangerous() ? Confirmation.of(p) : null, message::set, r -> {
            listed.ended(r);
            listener.ended(r);
        }, () -> {
            listed.ended(null);
            listener.stoppedBeforeStart();
        });
    }

    /** Opens the command in the system terminal on the chosen target, after the same checks as {@link #run()}. */
    public void openInTerminal() {
        PreparedCommand p = checked();
        if (p != null && confirmed(p)) {
            launchTerminal(p);
        }
    }

    /** Stops the running command (and what it started); the result then says "Cancelled". */
    public void cancel() {
        if (session.cancel()) {
            message.set("Cancelling...");
        }
    }

    private PreparedCommand checked() {
        if (!missing.get().isEmpty()) {
            message.set("Fill in " + missing.get() + " first.");
            return null;
        }
        try {
            return services.runner().prepare(request());
        } catch (ExecException e) {
            message.set(e.getMessage());
            return null;
        }
    }

    /** Asks for what this run needs: the destructive command (which covers production too), else production. */
    private boolean confirmed(PreparedCommand p) {
        TargetInfo where = target.get();
        boolean yes = p.dangerous() ? questions.destructive(p, where)
                : !where.production() || productionConfirmed || questions.runOnProduction(p, where);
        productionConfirmed |= yes && where.production();
        return yes;
    }

    /** What was declined, for the timeline: the danger or the production target. */
    private static String declined(PreparedCommand p, TargetInfo where) {
        return p.dangerous() ? "the destructive command was not confirmed (" + p.danger().reason() + ")"
                : "running on the production target " + where.name() + " was not confirmed";
    }

    private void launchTerminal(PreparedCommand p) {
        services.known().remember(values(), requests.secretNames());
        String name = target.get().name();
        TargetInfo where = target.get();
        services.tasks().execute(() -> services.terminal().open(services.runner().terminalScript(
                        services.runner().prepare(requests.forTerminal(where.target())), p.dangerous() ? Confirmation.of(p) : null)),
                terminal -> {
                    message.set("Opened in " + terminal + " on " + name + ".");
                    listener.openedInTerminal(p, where);
                },
                e -> message.set(e.getMessage()));
    }

    public Command command() {
        return command;
    }

    public ObservableList<TargetInfo> targets() {
        return targets;
    }

    public ReadOnlyObjectProperty<TargetInfo> targetProperty() {
        return target.getReadOnlyProperty();
    }

    public List<PlaceholderField> placeholders() {
        return placeholders;
    }

    /** The required placeholders still empty, as written ({@code <pod>, <namespace>}); empty when none. */
    public StringBinding missingProperty() {
        return missing;
    }

    /**
     * True while nothing runs and every required placeholder has a value: the Run buttons (Runs panel,
     * walkthrough) are enabled only then; {@link #run()} refuses otherwise and says which value is missing.
     */
    public BooleanBinding canRunProperty() {
        return canRun;
    }

    /** The command after substitution and checks, or {@code null} while a required value is missing. */
    public ReadOnlyObjectProperty<PreparedCommand> preparedProperty() {
        return prepared.getReadOnlyProperty();
    }

    /**
     * The command as the screen shows it: {@link #previewProperty()} with its secrets masked until revealed.
     * Copying and running use the real text.
     */
    public ReadOnlyObjectProperty<MaskedText> shownCommandProperty() {
        return shownCommand.getReadOnlyProperty();
    }

    /** The command as it will run, values quoted; as written while values are missing. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /**
     * Which variables the command reads from the environment's secrets file, e.g. {@code $REDIS_PASSWORD from the
     * environment's secrets file}; empty when it reads none.
     */
    public ReadOnlyStringProperty fromSecretsProperty() {
        return fromSecrets.getReadOnlyProperty();
    }

    /** One sentence on the last thing that happened (not run because..., error, cancelled); empty when none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return session.running.getReadOnlyProperty();
    }

    /** The last run's result; {@code null} before the first run ends. */
    public ReadOnlyObjectProperty<RunResult> resultProperty() {
        return session.result.getReadOnlyProperty();
    }

    /** The file receiving every line of the current run; {@code null} until it starts. */
    public ReadOnlyObjectProperty<Path> outputFileProperty() {
        return session.outputFile.getReadOnlyProperty();
    }

    /**
     * Shows the output excerpt an earlier run recorded (read back from an incident's timeline) where a finished run's
     * output shows, in place of what was shown; ignored while a run is going. An empty excerpt clears the output.
     */
    public void showRecordedOutput(String excerpt, java.time.Instant at) {
        session.showRecorded(excerpt, at);
    }

    /** The last {@link #MAX_LINES} lines of the current run, stdout and stderr in arrival order. */
    public ObservableList<OutputLine> output() {
        return session.outputView;
    }
}
