package dev.incidentconsole.runbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated shell command texts for the differential tests (issue 14): fragments that stress a shell
 * reader (quotes, escapes, substitutions, heredocs, wrappers, flag clusters, placeholders), joined at
 * random from a fixed seed. Stored in {@code shell-fuzz.txt}, records separated by a {@code %%} line, so
 * the runbook, exec and health differential tests read the very same inputs.
 */
final class ShellFuzzInputs {
    static final String RESOURCE = "/shell-fuzz.txt";
    private static final String[] FRAGMENTS = {"'", "\"", "\\", "\\\n", "$(", ")", "`", "${", "}", "$((1+2))",
        "<<EOF\nbody $X\nEOF\n", "<<'END'\n$literal\nEND\n", "<<-EOF\n\tx\n\tEOF\n", "<<<", " # comment", "\n", ";",
        " && ", " || ", " | ", " & ", "(", " ) ", "{ ", " }", "2>&1", " > /var/log/app.log", " >> out", " < in",
        "&>/dev/null", "FOO=bar ", "PGPASSWORD=$PW ", "sudo ", "sudo -u postgres ", "env A=1 ", "nohup ",
        "timeout 5 ", "xargs ", "xargs -I{} ", "watch -n1 ", "sh -c '", "bash -c \"", "kubectl exec -it <pod> -- ",
        "kubectl exec deploy/api -n ${NAMESPACE} -- ", "docker exec -it db ", "docker compose exec web ",
        "ssh bastion '", "ssh -t host ", "psql -h <host> -tAc \"SELECT 1\"", "psql -U postgres", "-tAc", "-it",
        "mysql -e 'DROP TABLE t'", "redis-cli -a secret FLUSHALL", "redis-cli ping", "rm -rf /", "rm -rf ./tmp",
        "kubectl delete pod <pod-name>", "kubectl scale deploy api --replicas=0", "kubectl get pods -w",
        "curl -sfX POST -H 'Authorization: Bearer $TOKEN' http://localhost:8080/health",
        "curl -s http://{host}:9090/-/ready", "curl -fsS https://api/healthz | jq .status", "tail -f x.log",
        "top", "vim /etc/x", "less", "pg_isready -h db -p 5432", "truncate -s 0 f", "chmod -R 777 /",
        "dd if=/dev/zero of=/dev/sda", "find / -name x -delete", "<name>", "{name}", "$HOST", "${PORT:-5432}",
        "CLUSTER_NAME", "echo", "printf '%s\\n' \"$X\"", "for i in 1 2; do echo $i; done", "if true; then x; fi",
        "case $x in a) y;; esac", "a=( 1 2 )", "export K=v", "cat <<EOF | kubectl apply -f -\nkind: X\nEOF\n",
        " ", "\t", "$ ", "# ", "> ", "-", "--", "--context=prod", "=", "'$(not)'", "\"$(yes)\"", "\\'", "\\\"",
        "$'a\\'b'", "#!/bin/bash\n", "systemctl restart nginx", "helm uninstall x", "DROP DATABASE x;"};

    private ShellFuzzInputs() {
    }

    /** The stored inputs. */
    static List<String> load() throws IOException {
        try (InputStream in = ShellFuzzInputs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is not on the test class path");
            }
            return split(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static List<String> split(String stored) {
        List<String> out = new ArrayList<>();
        for (String record : stored.split("\n%%\n", -1)) {
            if (!record.isEmpty()) {
                out.add(record);
            }
        }
        return out;
    }

    static List<String> generate(int count) {
        Random random = new Random(20240611L);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder();
            int parts = 1 + random.nextInt(12);
            for (int p = 0; p < parts; p++) {
                sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                if (random.nextInt(3) == 0) {
                    sb.append(' ');
                }
            }
            String text = sb.toString().replace("\n%%\n", "\n");
            if (!text.isBlank()) {
                out.add(text);
            }
        }
        return out;
    }

    /** Writes the inputs; run once, they are then stored with the baselines. */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0]), String.join("\n%%\n", generate(3000)) + "\n%%\n");
    }
}
