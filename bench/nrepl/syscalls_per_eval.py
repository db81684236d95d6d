#!/usr/bin/env python3
"""System calls per eval of `zylisp nrepl` and of its worker, counted by strace: a figure that,
unlike wall or CPU time, does not move with the machine's load.

  python3 bench/nrepl/syscalls_per_eval.py [--evals 10000] [--warmup 2000] [--zylisp PATH]

Starts the server, warms up with --warmup evals of (+ 1 2), attaches `strace -c -f` to the server
and to its worker, runs --evals more, and prints each process's calls per eval by system call
(those above 0.05 per eval). Periodic work (the memory check reading /proc) is counted too.
"""
import argparse, os, signal, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402
import nrepl_client  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--evals", type=int, default=10000)
    parser.add_argument("--warmup", type=int, default=2000)
    parser.add_argument("--zylisp", default=os.path.join(bench.ROOT, "zylisp"))
    args = parser.parse_args()
    process, port, _, directory = bench.start([args.zylisp, "nrepl"])
    output = tempfile.mkdtemp(prefix="nrepl-strace-")
    try:
        client = nrepl_client.Client("127.0.0.1", port)
        session = client.clone()
        for _ in range(args.warmup):
            client.call(op="eval", session=session, code="(+ 1 2)")
        pids = [int(p) for p in subprocess.run(["pgrep", "-g", str(process.pid)], capture_output=True, text=True).stdout.split()]
        tracers = {}
        for pid in pids:
            role = "worker" if "worker" in open("/proc/%d/cmdline" % pid).read() else "server"
            tracers[role] = subprocess.Popen(["strace", "-c", "-f", "-o", os.path.join(output, role), "-p", str(pid)], stderr=subprocess.DEVNULL)
        time.sleep(1.5)  # strace attaches to every thread
        for _ in range(args.evals):
            client.call(op="eval", session=session, code="(+ 1 2)")
        for tracer in tracers.values():
            tracer.send_signal(signal.SIGINT)
            tracer.wait()
        for role in tracers:
            counts = []
            for line in open(os.path.join(output, role)):
                fields = line.split()
                if len(fields) >= 5 and fields[0][0].isdigit() and fields[-1] != "total":
                    calls = int(fields[3])
                    errors = int(fields[4]) if len(fields) == 6 else 0
                    counts.append((calls / args.evals, errors / args.evals, fields[-1]))
            counts.sort(reverse=True)
            total = sum(c for c, _, _ in counts)
            print("%s: %.1f system calls per eval: %s" % (role, total, ", ".join(
                "%s %.2f%s" % (name, c, " (%.2f failed)" % e if e >= 0.05 else "") for c, e, name in counts if c >= 0.05)))
    finally:
        bench.stop(process, directory)


if __name__ == "__main__":
    main()
