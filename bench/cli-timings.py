#!/usr/bin/env python3
"""CLI timings through the launcher (usage: bench/cli-timings.py [REPO] [ROUNDS]): alternating rounds, wall
(perf_counter around each child) and CPU (its rusage), medians, and the ratios issue 12 sets."""
import os, subprocess, sys, time, statistics
repo = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 21
os.chdir(repo)
cmds = {
 'java -version': ['java', '-version'],
 '--help': ['./incident-console', '--help'],
 'search bundled': ['./incident-console', 'search', '--runbooks', 'runbooks', 'too', 'many', 'connections'],
 'search corpus': ['./incident-console', 'search', '--runbooks', os.path.join(repo, '..', 'shared', 'corpus'), 'too', 'many', 'connections'],
 'lint one file': ['./incident-console', 'lint', 'runbooks/database-connections.md'],
}
res = {k: ([], []) for k in cmds}
for r in range(rounds):
    for k, c in cmds.items():
        t0 = time.perf_counter()
        p = subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        res[k][0].append(time.perf_counter() - t0)
        res[k][1].append(ru.ru_utime + ru.ru_stime)
print(os.popen('uptime').read().strip())
base = statistics.median(res['java -version'][0]); helpw = statistics.median(res['--help'][0])
for k, (w, c) in res.items():
    mw = statistics.median(w)
    print(f"{k:15s} wall median {mw:.3f} s (min {min(w):.3f})  CPU median {statistics.median(c):.3f} s"
          f"  = {mw/base:.1f}x java -version, {mw/helpw:.2f}x --help")
