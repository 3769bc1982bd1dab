package dev.incidentconsole.app.gui.run;

import dev.incidentconsole.app.gui.util.DialogService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The engineer, answering every confirmation with {@link #answer} and remembering what was asked. */
final class RunTestDialogs implements DialogService {
    /** One confirmation as shown. */
    record Question(String title, String message, String action) {
    }

    final List<Question> asked = new ArrayList<>();
    boolean answer;

    @Override
    public Optional<Path> chooseDirectory(String title, Path initial) {
        return Optional.empty();
    }

    @Override
    public boolean confirm(String title, String message, String action) {
        asked.add(new Question(title, message, action));
        return answer;
    }

    List<String> titles() {
        return asked.stream().map(Question::title).toList();
    }
}
