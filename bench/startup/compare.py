#!/usr/bin/env python3
"""Interleaved A/B start-up comparison: median CPU time (user+system) and wall time per command.

Usage: bench/startup/compare.py RUNS 'NAME=[VAR=value ...] command args' ...

Each round runs every command once, in the order given, so drift in the machine's load touches
all of them alike; three warm-up rounds are dropped. The first command is the baseline of the
ratios. CPU time comes from getrusage(RUSAGE_CHILDREN) around each run, which a busy machine
(other engineers' builds on the same two cores) disturbs far less than wall time.
ZYLISP_LAUNCHER and DOTNET_EnableWriteXorExecute are removed from the inherited environment, so a
command sets them itself when it should run as ./zylisp runs the CLI, e.g.

  bench/startup/compare.py 60 \
    'hello=dotnet .build/bench-startup/hello/hello.dll' \
    'cli=ZYLISP_LAUNCHER=/path/to/checkout/zylisp DOTNET_EnableWriteXorExecute=0 dotnet .build/zylisp-linux-x64/zylisp.dll run bench/startup/hello.zl'

(ZYLISP_LAUNCHER makes the CLI run the launcher's up-to-date check against that checkout; point it
at a copy whose sources do not change during the runs, or a stale check rebuilds mid-benchmark.)
"""
import os
import resource
import shlex
import statistics
import subprocess
import sys
import time


def main():
    runs = int(sys.argv[1])
    inherited = {k: v for k, v in os.environ.items() if k not in ("ZYLISP_LAUNCHER", "DOTNET_EnableWriteXorExecute")}
    commands = []
    for spec in sys.argv[2:]:
        name, text = spec.split("=", 1)
        words = shlex.split(text)
        env = dict(inherited)
        while words and "=" in words[0]:
            key, value = words.pop(0).split("=", 1)
            env[key] = value
        commands.append((name, words, env))

    cpu = {name: [] for name, _, _ in commands}
    wall = {name: [] for name, _, _ in commands}
    for round_number in range(runs + 3):
        for name, words, env in commands:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run(words, env=env, stdout=subprocess.DEVNULL, check=True)
            ended = time.perf_counter()
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if round_number >= 3:
                cpu[name].append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
                wall[name].append((ended - started) * 1000)

    base = commands[0][0]
    base_cpu, base_wall = statistics.median(cpu[base]), statistics.median(wall[base])
    for name, _, _ in commands:
        c, w = statistics.median(cpu[name]), statistics.median(wall[name])
        print(f"{name:16s} cpu median {c:6.1f} ms (mean {statistics.mean(cpu[name]):6.1f})   "
              f"wall median {w:6.1f} ms   cpu x{c / base_cpu:.2f}   wall x{w / base_wall:.2f}")
    print("load average", open("/proc/loadavg").read().split()[0])


if __name__ == "__main__":
    main()
