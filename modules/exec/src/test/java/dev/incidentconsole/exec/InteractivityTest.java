package dev.incidentconsole.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InteractivityTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "kubectl get pods -n shop => false => false",
        "kubectl exec -it api-0 -- bash => true => false",
        "kubectl exec -ti api-0 -- sh => true => false",
        "docker exec -i -t web sh => true => false",
        "docker run --rm -it alpine => true => false",
        "kubectl exec api-0 -- psql -U app => true => false",
        "kubectl exec api-0 -- psql -U app -c 'select 1' => false => false",
        "psql -h db -U app => true => false",
        "psql -h db -U app -c 'select 1' => false => false",
        "psql -h db -f fix.sql => false => false",
        "psql -h db-2 -U app -tAc \"SELECT 1\" => false => false",
        "psql -h db-2 -tA -c 'SELECT 1' => false => false",
        "psql -Ucache -h db-2 => true => false",
        "psql -h db-2 -lqt => false => false",
        "psql -h db-2 -Xqf fix.sql => false => false",
        "psql -h db < fix.sql => false => false",
        "echo 'select 1' | psql -h db => false => false",
        "bash => true => false",
        "sudo -i bash -l => true => false",
        "bash -c 'uptime' => false => false",
        "bash ./fix.sh => false => false",
        "top => true => true",
        "top -b -n 1 => false => true",
        "watch kubectl get pods => true => true",
        "vim /etc/nginx/nginx.conf => true => false",
        "journalctl -u nginx | less => true => false",
        "redis-cli -h cache -p 6380 => true => false",
        "redis-cli -h cache INFO memory => false => false",
        "redis-cli -h cache monitor => false => true",
        "mysql -u root -e 'show processlist' => false => false",
        "ssh bastion => true => false",
        "ssh bastion uptime => false => false",
        "kubectl edit deploy api => true => false",
        "kubectl logs -f deploy/api => false => true",
        "kubectl logs deploy/api --tail=100 => false => false",
        "kubectl apply -f fix.yaml => false => false",
        "kubectl get pods -w => false => true",
        "kubectl port-forward svc/api 8080:80 => false => true",
        "tail -f /var/log/syslog => false => true",
        "tail -n 100 /var/log/syslog => false => false",
        "journalctl -fu nginx => false => true",
        "docker logs --follow web => false => true",
        "docker compose logs -f => false => true",
        "docker stats => false => true",
        "docker stats --no-stream => false => false",
        "ping -c 3 db => false => false",
        "ping db => false => true",
        "vmstat 1 => false => true",
        "vmstat 1 5 => false => false",
        "while true; do date; sleep 1; done => false => true",
        "cat <<EOF | psql -h db\\nselect 1;\\nEOF => false => false",
        "uptime && df -h => false => false",
    })
    void recognisesTerminalAndEndlessCommands(String command, boolean terminal, boolean endless) {
        Interactivity it = Interactivity.of(command.replace("\\n", "\n"));
        assertThat(it.needsTerminal()).as("needs terminal: %s", it).isEqualTo(terminal);
        assertThat(it.endless()).as("endless: %s", it).isEqualTo(endless);
        assertThat(it.reason().isEmpty()).isEqualTo(!terminal && !endless);
    }
}
