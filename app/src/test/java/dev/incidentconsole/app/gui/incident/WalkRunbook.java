package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.gui.util.DialogService;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import dev.incidentconsole.runbook.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A runbook whose procedure lists its parts out of order, and a scripted DialogService. */
final class WalkRunbook {
    static final String TEXT = """
            # Web

            ## Backend failing

            **Symptoms:** 502 errors on checkout

            **Resolution:**
            ```bash
            # Restart the backend
            echo fixed
            ```

            **Diagnosis:**
            ```bash
            # See what the backend says
            echo diag-output
            ```

            **Verification:**
            ```bash
            echo verified
            rm -rf /var/lib/app/cache
            ```
            """;

    /** A procedure whose commands have placeholders and different runners. */
    static final String CHECKOUT = """
            # Checkout

            ## Checkout down

            **Diagnosis:**
            ```bash
            echo pod <pod>
            kubectl get pods -n <namespace>
            echo probe <url> on <host>:<port>
            ```

            **Resolution:**
            ```bash
            echo restart <pod> in <namespace>
            ```

            **Verification:**
            ```bash
            echo verify <database>
            ```
            """;

    private WalkRunbook() {
    }

    static Runbook write(Path dir) throws IOException {
        Path file = dir.resolve("web.md");
        Files.writeString(file, TEXT);
        return new RunbookParser().parse(file);
    }

    static Runbook writeCheckout(Path dir) throws IOException {
        Path file = dir.resolve("checkout.md");
        Files.writeString(file, CHECKOUT);
        return new RunbookParser().parse(file);
    }

    static Section procedure(Runbook runbook) {
        return section(runbook, "Backend failing");
    }

    static Section section(Runbook runbook, String title) {
        return runbook.sections().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
    }

    /** Answers dialogs from fields the test sets (a choice: the one starting with {@link #choice}, else the suggested one), and remembers what was asked. */
    static final class ScriptedDialogs implements DialogService {
        final List<String> asked = new ArrayList<>();
        final List<String> titles = new ArrayList<>();
        final List<String> suggested = new ArrayList<>();
        /** The title of each text-and-choice dialog. */
        final List<String> textTitles = new ArrayList<>();
        /** The prompt each choice dialog showed. */
        final List<String> prompts = new ArrayList<>();
        /** The choice each text-and-choice dialog suggested (e.g. a severity). */
        final List<String> suggestedChoices = new ArrayList<>();
        /** Whether text-and-choice dialogs take the suggested choice (else the second one). */
        volatile boolean takeSuggestedChoice;
        volatile boolean confirm;
        volatile Path saveTo;
        volatile String choice;

        @Override
        public Optional<Path> chooseDirectory(String title, Path initial) {
            return Optional.empty();
        }

        @Override
        public boolean confirm(String title, String message, String action) {
            titles.add(title);
            asked.add(message);
            return confirm;
        }

        @Override
        public Optional<Path> chooseSaveFile(String title, Path initialDirectory, String fileName) {
            asked.add(fileName);
            return Optional.ofNullable(saveTo);
        }

        @Override
        public <T> Optional<T> choose(String title, String prompt, List<T> choices, T initial) {
            asked.add(String.valueOf(choices));
            prompts.add(prompt);
            suggested.add(String.valueOf(initial));
            String wanted = choice;
            return wanted == null ? Optional.ofNullable(initial)
                    : choices.stream().filter(c -> String.valueOf(c).startsWith(wanted)).findFirst();
        }

        @Override
        public <T> Optional<TextAndChoice<T>> askTextAndChoice(String title, String textLabel, String initialText,
                                                              String choiceLabel, List<T> choices, T initial) {
            asked.add(initialText);
            textTitles.add(title);
            suggestedChoices.add(String.valueOf(initial));
            return Optional.of(new TextAndChoice<>(initialText, takeSuggestedChoice ? initial : choices.get(1)));
        }
    }
}
