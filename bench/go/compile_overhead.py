#!/usr/bin/env python3
"""Compile overhead at microsecond resolution (docs/benchmarks.md, "Go backend, fourth pass").

/usr/bin/time, which bench/go/run.sh uses, counts CPU in 10 ms steps; this reads the children's
rusage instead. Runs `zylisp compile bench/go/fib_untyped.zl` and `go build` of the same module
(warm build cache, zylisp's flags) in alternation, RUNS times each, and prints CPU medians.
Usage: bench/go/compile_overhead.py ZYLISP [BEFORE_ZYLISP] [RUNS]  (ZYLISP: a published zylisp
executable, e.g. .build/zylisp-linux-x64/zylisp; BEFORE_ZYLISP: an older one to compare, or -)
"""
import os, resource, statistics, subprocess, sys, tempfile

os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
zylisp = sys.argv[1]
before = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] != "-" else None
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 21
work = tempfile.mkdtemp()
program = "bench/go/fib_untyped.zl"
module = os.path.join(work, "module")
subprocess.run([zylisp, "compile", program, "--emit", "go", "-o", module], check=True)
gobuild = ["go", "build", "-trimpath", "-gcflags=zylisp.dev/program/rt=-l=4", "-o", os.path.join(work, "plain"), "."]
subprocess.run(gobuild, cwd=module, check=True)
commands = {"zylisp compile": ([zylisp, "compile", program, "-o", os.path.join(work, "a")], None), "go build": (gobuild, module)}
if before:
    commands["before: zylisp compile"] = ([before, "compile", program, "-o", os.path.join(work, "b")], None)
times = {name: [] for name in commands}
for _ in range(runs):
    for name, (command, cwd) in commands.items():
        start = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        end = resource.getrusage(resource.RUSAGE_CHILDREN)
        times[name].append((end.ru_utime - start.ru_utime + end.ru_stime - start.ru_stime) * 1000)
medians = {name: statistics.median(values) for name, values in times.items()}
print("load: " + " ".join(open("/proc/loadavg").read().split()[:3]) + f"; CPU medians of {runs}, ms")
for name, value in medians.items():
    overhead = "" if name == "go build" else f"  (overhead {value - medians['go build']:.1f} ms; target <= 100)"
    print(f"{name}: {value:.1f}{overhead}")
subprocess.run(["rm", "-rf", work])
