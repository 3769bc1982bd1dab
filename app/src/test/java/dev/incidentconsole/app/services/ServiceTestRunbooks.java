package dev.incidentconsole.app.services;

/** A cache runbook (port table, Redis sections) and an alert runbook, for the tests of service links. */
public final class ServiceTestRunbooks {
    public static final String CACHE_RUNBOOK = """
            # Cache Runbook

            ## Quick Reference

            | Service | Port | Health Check |
            |---------|------|--------------|
            | Cache | 6379 | `redis-cli -p 6379 ping` |

            ## Common Issues

            ### Redis evicting keys

            **Symptoms:** evictions climb and Redis answers `OOM command not allowed`

            **Diagnosis:**
            ```bash
            redis-cli -p 6379 info memory
            ```

            ### Flush the cache

            **Symptoms:** stale pages after a deploy

            **Resolution:**
            ```bash
            redis-cli -p 6379 FLUSHDB
            ```

            ### Disk full

            **Symptoms:** PostgreSQL stops accepting writes

            **Resolution:**
            ```bash
            df -h /var/lib/postgresql
            ```
            """;

    public static final String ALERTS_RUNBOOK = """
            # Alert Runbooks

            ### Alert: `RedisDown`

            **Meaning:** the cache Redis does not answer PING.

            **Resolution:**
            ```bash
            redis-cli -p 6379 ping
            ```
            """;

    private ServiceTestRunbooks() {
    }
}
