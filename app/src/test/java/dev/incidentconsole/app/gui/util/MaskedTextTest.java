package dev.incidentconsole.app.gui.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MaskedTextTest {

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#secretForms")
    void theScreenShowsEverySecretFormMaskedAndKeepsTheRealText(String family, String text, String secret, String masked) {
        MaskedText shown = MaskedText.of(text);
        assertThat(shown.shown()).isEqualTo(masked);
        assertThat(shown.real()).isEqualTo(text);
        MaskedText all = shown;
        for (int k = 0; k < shown.secrets().size(); k++) {
            all = all.reveal(k);
        }
        assertThat(all.shown()).as("every secret revealed").isEqualTo(text);
    }

    @ParameterizedTest
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#harmless")
    void harmlessTextIsOnePlainPart(String line) {
        MaskedText shown = MaskedText.of(line);
        assertThat(shown.hasSecrets()).isFalse();
        assertThat(shown.parts()).singleElement().satisfies(p -> assertThat(p.isSecret()).isFalse());
        assertThat(shown.shown()).isEqualTo(line);
    }

    @Test
    void revealingOneSecretLeavesTheOthersMasked() {
        MaskedText shown = MaskedText.of("PGPASSWORD=first psql postgresql://app:second@db/orders");
        MaskedText one = shown.reveal(1);
        assertThat(one.shown()).isEqualTo("PGPASSWORD=**** psql postgresql://app:second@db/orders");
        assertThat(shown.shown()).as("unchanged").isEqualTo("PGPASSWORD=**** psql postgresql://app:****@db/orders");
        assertThat(one.parts()).filteredOn(MaskedText.Part::isSecret).extracting(MaskedText.Part::hidden)
                .containsExactly(true, false);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#commandForms")
    void aCommandOnScreenIsReadAsOneCommandAndCanBeRevealed(String family, String command, String secret, String masked) {
        MaskedText shown = MaskedText.ofCommand(command);
        assertThat(shown.shown()).isEqualTo(masked).doesNotContain(secret);
        assertThat(shown.reveal(0).shown()).isEqualTo(command);
        assertThat(shown.real()).as("copied and run as written").isEqualTo(command);
    }

    @ParameterizedTest
    @MethodSource("dev.incidentconsole.runbook.testing.SecretFormTables#harmlessCommands")
    void aCommandWhoseFlagsAreNoSecretsIsShownAsWritten(String command) {
        assertThat(MaskedText.ofCommand(command).hasSecrets()).isFalse();
    }
}
