package dev.incidentconsole.app.gui.run;

import dev.incidentconsole.app.gui.util.DialogService;
import dev.incidentconsole.exec.ssh.HostKeyDecision;
import dev.incidentconsole.exec.ssh.PassphraseProvider;
import dev.incidentconsole.exec.ssh.UnknownHostKey;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.stage.Window;

/**
 * The SSH questions in the window: an unknown host key (with its fingerprint) and a key's passphrase. The
 * SSH pool asks from a background thread; the dialog is shown on the FX thread and that thread waits.
 */
final class FxSshPrompts implements HostKeyDecision, PassphraseProvider {
    private final DialogService dialogs;
    private final Supplier<Window> owner;

    FxSshPrompts(DialogService dialogs, Supplier<Window> owner) {
        this.dialogs = dialogs;
        this.owner = owner;
    }

    @Override
    public boolean trust(UnknownHostKey key) {
        return Boolean.TRUE.equals(onFx(() -> dialogs.confirm("Unknown SSH host", key.question(), "Trust and connect")));
    }

    @Override
    public char[] passphrase(Path keyFile, int attempt) {
        String typed = onFx(() -> {
            Dialog<String> dialog = new Dialog<>();
            dialog.initOwner(owner.get());
            dialog.setTitle("SSH key passphrase");
            dialog.setHeaderText("Passphrase for " + keyFile + (attempt > 1 ? " (wrong, try again)" : ""));
            PasswordField field = new PasswordField();
            dialog.getDialogPane().setContent(field);
            dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
            dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText() : null);
            Platform.runLater(field::requestFocus);
            return dialog.showAndWait().orElse(null);
        });
        return typed == null ? null : typed.toCharArray();
    }

    private static <T> T onFx(Supplier<T> question) {
        if (Platform.isFxApplicationThread()) {
            return question.get();
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(question.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }
}
