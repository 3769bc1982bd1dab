package dev.incidentconsole.app.gui.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** A runbook table's cells on screen: a health check's password is masked until clicked, nothing else changes. */
class TableCellSecretsTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aCheckCommandsPasswordIsMaskedUntilClicked() {
        TextFlow flow = flowOf(MarkdownNodes.cell(
                "`PGPASSWORD=novapass psql -h localhost -p 6432 -U nova -c \"SELECT 1\"`", "md-td"));

        assertThat(shown(flow)).isEqualTo("PGPASSWORD=**** psql -h localhost -p 6432 -U nova -c \"SELECT 1\"");
        Text secret = texts(flow).stream().filter(t -> t.getStyleClass().contains("masked-secret")).findFirst()
                .orElseThrow();
        click(secret);
        assertThat(shown(flow)).isEqualTo("PGPASSWORD=novapass psql -h localhost -p 6432 -U nova -c \"SELECT 1\"");
    }

    @Test
    void basicAuthInACurlCheckIsMaskedAndTheUrlKept() {
        assertThat(shown(flowOf(MarkdownNodes.cell("curl -u admin:admin http://localhost:3000/api/health", "md-td"))))
                .isEqualTo("curl -u admin:**** http://localhost:3000/api/health");
    }

    @Test
    void cellsWithoutSecretsKeepTheirCodeStyling() {
        TextFlow flow = flowOf(MarkdownNodes.cell("`curl http://localhost:8000/health` (every 30 s)", "md-td"));

        assertThat(flow.getChildren()).anyMatch(n -> n.getStyleClass().contains("md-code"));
        assertThat(texts(flow)).noneMatch(t -> t.getStyleClass().contains("masked-secret"));
    }

    private static TextFlow flowOf(Node cell) {
        return (TextFlow) ((StackPane) cell).getChildren().get(0);
    }

    private static List<Text> texts(TextFlow flow) {
        return flow.getChildren().stream().filter(Text.class::isInstance).map(Text.class::cast).toList();
    }

    private static String shown(TextFlow flow) {
        return texts(flow).stream().map(Text::getText).collect(Collectors.joining());
    }

    private static void click(Text text) {
        text.getOnMouseClicked().handle(new MouseEvent(MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0, MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, false, false, false, null));
    }
}
