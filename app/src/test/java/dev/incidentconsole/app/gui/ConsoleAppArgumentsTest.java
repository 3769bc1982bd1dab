package dev.incidentconsole.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the window makes of its arguments: Main hands it the folder of {@code incident-console FOLDER}. */
class ConsoleAppArgumentsTest {

    @Test
    void aSingleFolderArgumentIsTheFolderToOpenAndALinkOrNothingIsNot() {
        assertThat(ConsoleApp.folderArgument(List.of("/srv/team-runbooks"))).isEqualTo(Path.of("/srv/team-runbooks"));
        assertThat(ConsoleApp.folderArgument(List.of("incident-console://open?runbook=db.md"))).isNull();
        assertThat(ConsoleApp.folderArgument(List.of())).isNull();
    }
}
