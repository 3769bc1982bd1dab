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

    private WalkRunbook() {
    }

    static Runbook write(Path dir) throws IOException {
        Path file = dir.resolve("web.md");
        Files.writeString(file, TEXT);
        return new RunbookParser().parse(file);
    }

    static Section procedure(Runbook runbook) {
        return runbook.sections().stream().filter(s -> s.title().equals("Backend failing")).findFirst().orElseThrow();
    }

    /** Answers dialogs from fields the test sets, and remembers what was asked. */
    static final class ScriptedDialogs implements DialogService {
        final List<String> asked = new ArrayList<>();
        volatile boolean confirm;
        volatile Path saveTo;
        volatile String choice;

        @Override
        public Optional<Path> chooseDirectory(String title, Path initial) {
            return Optional.empty();
        }

        @Override
        public boolean confirm(String title, String message, String action) {
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
            return choices.stream().filter(c -> String.valueOf(c).startsWith(choice == null ? "Start" : choice)).findFirst();
        }

        @Override
        public <T> Optional<TextAndChoice<T>> askTextAndChoice(String title, String textLabel, String initialText,
                                                              String choiceLabel, List<T> choices, T initial) {
            asked.add(initialText);
            return Optional.of(new TextAndChoice<>(initialText, choices.get(1)));
        }
    }
}
