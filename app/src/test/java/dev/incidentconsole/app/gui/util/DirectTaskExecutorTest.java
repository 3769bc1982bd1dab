package dev.incidentconsole.app.gui.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test executor's clock: scheduled tasks run only when the test moves it, in time order. */
class DirectTaskExecutorTest {
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final List<String> ran = new ArrayList<>();

    @Test
    void scheduledTasksRunInTimeOrderWhenTheClockPassesThem() {
        executor.schedule(Duration.ofSeconds(5), () -> ran.add("5s"));
        executor.scheduleWithFixedDelay(() -> "tick", Duration.ofSeconds(1), Duration.ofSeconds(2),
                r -> ran.add(r), e -> ran.add("failed"));
        TaskHandle never = executor.schedule(Duration.ofSeconds(2), () -> ran.add("cancelled"));
        never.cancel();

        executor.advance(Duration.ofMillis(999));
        assertThat(ran).isEmpty();

        executor.advance(Duration.ofSeconds(5));

        assertThat(ran).containsExactly("tick", "tick", "5s", "tick");
        assertThat(never.isCancelled()).isTrue();
    }

    @Test
    void latestWinsOnTheCallingThreadDeliversEachAnswerOfTheNewestRequest() {
        LatestWins latest = executor.latestWins();
        latest.submit(() -> "first", ran::add, e -> ran.add("failed"));
        latest.submit(() -> "second", ran::add, e -> ran.add("failed"));
        assertThat(ran).containsExactly("first", "second");
    }
}
