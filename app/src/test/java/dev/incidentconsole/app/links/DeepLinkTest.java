package dev.incidentconsole.app.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeepLinkTest {

    @Test
    void openLinkNamesTheRunbookAndTheHeadingAfterTheHash() throws Exception {
        DeepLink link = DeepLink.parse("incident-console://open?runbook=sub/redis-failover.md#Failover%20to%20replica");

        assertThat(link.kind()).isEqualTo(DeepLink.Kind.OPEN);
        assertThat(link.runbook()).isEqualTo("sub/redis-failover.md");
        assertThat(link.heading()).isEqualTo("Failover to replica");
        assertThat(link.values()).isEmpty();
    }

    @Test
    void alertLinkCarriesItsLabelsAsValuesInLinkOrder() throws Exception {
        DeepLink link = DeepLink.parse("incident-console://alert?name=PodCrashLooping&label.namespace=lantern"
                + "&label.pod=api-7f9c%2Dx&label.container=web+server");

        assertThat(link.kind()).isEqualTo(DeepLink.Kind.ALERT);
        assertThat(link.alert()).isEqualTo("PodCrashLooping");
        assertThat(link.values()).containsExactly(Map.entry("namespace", "lantern"), Map.entry("pod", "api-7f9c-x"),
                Map.entry("container", "web server"));
    }

    @Test
    void shellMetacharactersStayPlainValues() throws Exception {
        // Quoting happens where values are filled in; the link keeps exactly what it says.
        DeepLink link = DeepLink.parse("incident-console://alert?name=X&label.pod=%24(rm%20-rf%20~)%3B%60id%60'%22");

        assertThat(link.values()).containsEntry("pod", "$(rm -rf ~);`id`'\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileLinksAreRefusedNamingWhatIsWrong(String why, String url, String message) {
        assertThatThrownBy(() -> DeepLink.parse(url)).isInstanceOf(DeepLinkException.class).hasMessageContaining(message);
    }

    static Stream<Arguments> hostile() {
        String longValue = "a".repeat(DeepLink.MAX_VALUE + 1);
        StringBuilder manyLabels = new StringBuilder("incident-console://alert?name=A");
        for (int i = 0; i <= DeepLink.MAX_LABELS; i++) {
            manyLabels.append("&label.l").append(i).append("=v");
        }
        return Stream.of(
                Arguments.of("absolute path", "incident-console://open?runbook=/etc/passwd.md", "only a path relative"),
                Arguments.of("encoded absolute path", "incident-console://open?runbook=%2Fetc%2Fshadow.md", "only a path relative"),
                Arguments.of("parent folder", "incident-console://open?runbook=../../.ssh/notes.md", "'..' is refused"),
                Arguments.of("encoded parent folder", "incident-console://open?runbook=a%2F..%2F..%2Fx.md", "'..' is refused"),
                Arguments.of("backslash traversal", "incident-console://open?runbook=..%5C..%5Cx.md", "no absolute path"),
                Arguments.of("windows drive", "incident-console://open?runbook=C:%2Fx.md", "drive"),
                Arguments.of("home folder", "incident-console://open?runbook=~%2Fx.md", "only a path relative"),
                Arguments.of("not a runbook file", "incident-console://open?runbook=id_rsa", ".md, .markdown or .txt"),
                Arguments.of("folder only", "incident-console://open?runbook=docs/", "name a file"),
                Arguments.of("newline in a value", "incident-console://alert?name=A&label.pod=x%0Arm%20-rf%20%2F", "U+000A"),
                Arguments.of("carriage return in the heading", "incident-console://open?runbook=a.md#x%0Dy", "U+000D"),
                Arguments.of("NUL byte", "incident-console://open?runbook=a.md%00.txt", "U+0000"),
                Arguments.of("escape sequence", "incident-console://alert?name=A&label.pod=%1B%5B2J", "U+001B"),
                Arguments.of("bidi override", "incident-console://alert?name=A&label.pod=%E2%80%AEtxt.md", "U+202E"),
                Arguments.of("raw tab in the link", "incident-console://alert?name=A\t", "U+0009"),
                Arguments.of("broken UTF-8", "incident-console://alert?name=A&label.pod=%C3%28", "not valid UTF-8"),
                Arguments.of("broken escape", "incident-console://alert?name=A&label.pod=%G1", "two hex digits"),
                Arguments.of("value too long", "incident-console://alert?name=A&label.pod=" + longValue, "at most " + DeepLink.MAX_VALUE),
                Arguments.of("link too long", "incident-console://alert?name=" + "a".repeat(DeepLink.MAX_LINK), "at most " + DeepLink.MAX_LINK),
                Arguments.of("too many labels", manyLabels.toString(), "at most " + DeepLink.MAX_LABELS + " are accepted"),
                Arguments.of("label name with a shell character", "incident-console://alert?name=A&label.p%24od=x", "a label name is letters"),
                Arguments.of("repeated parameter", "incident-console://alert?name=A&name=B", "given twice"),
                Arguments.of("repeated label", "incident-console://alert?name=A&label.pod=x&label.pod=y", "given twice"),
                Arguments.of("unknown parameter", "incident-console://alert?name=A&run=1", "Unknown parameter 'run'"),
                Arguments.of("command parameter on open", "incident-console://open?runbook=a.md&cmd=id", "Unknown parameter 'cmd'"),
                Arguments.of("unknown action", "incident-console://run?cmd=id", "Unknown link action 'run'"),
                Arguments.of("other scheme", "https://example.com/a.md", "Not an incident-console:// link"),
                Arguments.of("scheme without //", "incident-console:open?runbook=a.md", "Not an incident-console:// link"),
                Arguments.of("no runbook", "incident-console://open", "names no runbook"),
                Arguments.of("no alert name", "incident-console://alert?label.pod=x", "names no alert"),
                Arguments.of("heading on an alert link", "incident-console://alert?name=A#x", "takes no #heading"),
                Arguments.of("empty", "", "empty"));
    }
}
