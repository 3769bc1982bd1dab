package dev.incidentconsole.app.links;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A window's link listener alone in a process, for {@link LinkHandOffTest}'s two windows starting together. Arguments:
 * the socket, and how long to pause between the check for a listener and the bind (to widen the race). Prints
 * {@code ready}, waits for a line on stdin, listens, prints {@code listening} or {@code not listening}, then
 * {@code took LINK} for each link handed over, until stdin closes; {@code checked} when it has found no live listener
 * and pauses before binding.
 */
final class LinkListenerMain {

    private LinkListenerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args[0]);
        long pause = Long.parseLong(args[1]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        say("ready");
        in.readLine();
        Optional<LinkHandOff> listener = LinkHandOff.listen(socket, (handed, taken) -> {
            say("took " + handed.link());
            taken.complete(true);
        }, () -> {
            say("checked");
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        say(listener.isPresent() ? "listening" : "not listening");
        while (in.readLine() != null) {
            // until the test closes stdin
        }
        listener.ifPresent(LinkHandOff::close);
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
