package dev.incidentconsole.app.links;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A runbook folder of our own for link tests: the bundled runbooks have no alert section with shell placeholders. */
public final class LinkRunbooks {
    private static final String PODS = """
            # Pod Failures

            ## Alerts

            ### Alert: `PodCrashLooping`

            **Diagnosis:**
            ```bash
            kubectl -n <namespace> describe pod <pod>
            kubectl -n $NAMESPACE logs <pod> --previous
            ```

            ## Restart a deployment

            ```bash
            kubectl -n <namespace> rollout restart deployment/<deployment>
            ```
            """;

    private LinkRunbooks() {
    }

    /** Creates {@code folder} with {@code k8s/pods.md} in it; returns the folder. */
    public static Path write(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("k8s"));
        Files.writeString(folder.resolve("k8s/pods.md"), PODS);
        return folder;
    }
}
