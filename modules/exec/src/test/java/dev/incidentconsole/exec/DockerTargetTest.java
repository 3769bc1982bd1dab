package dev.incidentconsole.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Docker commands run on the target's host; a fake docker on the host's PATH prints what it was given. */
class DockerTargetTest {
    @TempDir
    Path dir;
    CommandRunner runner;
    LocalTarget host;

    @BeforeEach
    void fakeDocker() throws Exception {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path docker = bin.resolve("docker");
        Files.writeString(docker, "#!/bin/sh\nprintf 'docker'; for a in \"$@\"; do printf ' [%s]' \"$a\"; done; echo\n");
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwx------"));
        host = new LocalTarget("laptop", null, Map.of("PATH", bin + ":/usr/bin:/bin"), false);
        runner = Runners.local(dir);
    }

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void composeCommandRunsOnTheHostAsWritten() throws ExecException {
        RunResult result = runner.run(RunRequest.of("docker compose ps --format json", DockerTarget.on(host)),
                Runners.WAIT);
        assertThat(result.stdout()).containsExactly("docker [compose] [ps] [--format] [json]");
    }

    @Test
    void commandRunsInsideTheContainer() throws ExecException {
        DockerTarget web = DockerTarget.on(host).inContainer("web-1");
        RunResult result = runner.run(RunRequest.of("ps aux | grep 'nginx: worker'", web), Runners.WAIT);
        assertThat(result.stdout()).containsExactly("docker [exec] [web-1] [sh] [-c] [ps aux | grep 'nginx: worker']");
        assertThat(result.command()).isEqualTo("docker exec 'web-1' sh -c 'ps aux | grep '\\''nginx: worker'\\'''");
    }

    @Test
    void missingDockerIsAClearError() {
        LocalTarget bare = new LocalTarget("bare", null, Map.of("PATH", dir.resolve("empty").toString()), false);
        assertThatThrownBy(() -> runner.start(RunRequest.of("docker ps", DockerTarget.on(bare))))
                .isInstanceOf(ExecException.class).hasMessageContaining("docker was not found")
                .extracting(e -> ((ExecException) e).reason()).isEqualTo(ExecException.Reason.TOOL_MISSING);
    }

    @Test
    void productionFlagFollowsTheHost() {
        assertThat(DockerTarget.on(new LocalTarget("prod", null, Map.of(), true)).production()).isTrue();
    }
}
