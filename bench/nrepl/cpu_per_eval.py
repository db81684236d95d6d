#!/usr/bin/env python3
"""CPU time per eval of `./zylisp nrepl`, by process and thread: where an eval's round trip
spends its computing. Wall-clock latency on a shared, loaded machine is mostly waiting for a core;
CPU time per eval is what a change to the server or worker actually moves.

  python3 bench/nrepl/cpu_per_eval.py [--evals 5000] [--warmup 2000] [--engine tiered] [--zylisp PATH]

--zylisp runs another build's apphost instead of ./zylisp (to compare two commits in one run).

Starts `./zylisp nrepl`, warms up with --warmup evals of (+ 1 2), then counts each thread's
user+system time (from /proc) over --evals more, and prints microseconds per eval for the busiest
threads of the server and of its worker, plus this client's own share.
"""
import argparse, os, signal, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import nrepl_client  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TICK = os.sysconf("SC_CLK_TCK")


def thread_times(pid):
    times = {}
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            stat = open("/proc/%d/task/%s/stat" % (pid, tid)).read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat.rsplit(")", 1)[1].split()
        times[(tid, name)] = (int(fields[11]) + int(fields[12])) / TICK
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--evals", type=int, default=5000)
    parser.add_argument("--engine", default="tiered")
    parser.add_argument("--warmup", type=int, default=2000, help="evals before counting; the JIT's tiering runs for seconds after start")
    parser.add_argument("--zylisp", default=os.path.join(ROOT, "zylisp"))
    args = parser.parse_args()
    directory = tempfile.mkdtemp(prefix="nrepl-cpu-")
    server = subprocess.Popen([args.zylisp, "nrepl", "--engine", args.engine], cwd=directory,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        port_file = os.path.join(directory, ".nrepl-port")
        while not (os.path.exists(port_file) and open(port_file).read().strip()):
            time.sleep(0.01)
        client = nrepl_client.Client("127.0.0.1", int(open(port_file).read()))
        session = client.clone()
        for _ in range(args.warmup):
            client.call(op="eval", session=session, code="(+ 1 2)")
        pids = [int(p) for p in subprocess.run(["pgrep", "-g", str(server.pid)], capture_output=True, text=True).stdout.split()]
        before = {pid: thread_times(pid) for pid in pids}
        mine = os.times()
        began = time.perf_counter()
        for _ in range(args.evals):
            client.call(op="eval", session=session, code="(+ 1 2)")
        wall = time.perf_counter() - began
        after_mine = os.times()
        for pid in pids:
            role = "worker" if "worker" in open("/proc/%d/cmdline" % pid).read() else "server"
            after = thread_times(pid)
            used = sorted(((t - before[pid].get(k, 0), k[1]) for k, t in after.items()), reverse=True)
            total = sum(u for u, _ in used)
            print("%s: %.0f us/eval; busiest threads: %s" % (role, total / args.evals * 1e6,
                  ", ".join("%s %.0f" % (name, u / args.evals * 1e6) for u, name in used[:3] if u > 0)))
        client_cpu = (after_mine.user + after_mine.system) - (mine.user + mine.system)
        print("client (python): %.0f us/eval; wall %.0f us/eval; load average %.1f" % (client_cpu / args.evals * 1e6, wall / args.evals * 1e6, os.getloadavg()[0]))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()


if __name__ == "__main__":
    main()
