#!/usr/bin/env python3
"""nREPL benchmarks: Zylisp's server (./zylisp nrepl, one worker process) against Clojure's own
nREPL server (Debian's clojure + libnrepl-clojure) in the same run, each as a whole process with a
plain bencode client (bench/nrepl/nrepl_client.py: sendall + recv, no TCP options).

  python3 bench/nrepl/bench.py [--evals 2000] [--clients 32] [--per-client 200] [--no-clojure] [--zylisp PATH]

Measures: start-up to the port file (median of 5), eval round trip of (+ 1 2) (p50/p99 over
--evals), interrupt latency (interrupt sent -> `interrupted` status, median/max of 10), and
throughput with --clients concurrent clients (separate processes) each doing --per-client evals.
"""
import argparse, multiprocessing, os, shutil, signal, statistics, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import nrepl_client  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CLOJURE_CP = ":".join("/usr/share/java/" + j for j in ["clojure.jar", "nrepl.jar", "spec.alpha.jar", "core.specs.alpha.jar"])


def servers(zylisp):
    yield "zylisp", [zylisp, "nrepl"], "(loop [i 0] (recur (inc i)))"
    yield "clojure", ["java", "-cp", CLOJURE_CP, "clojure.main", "-m", "nrepl.cmdline"], "(loop [i 0] (recur (inc i)))"


def start(command):
    directory = tempfile.mkdtemp(prefix="nrepl-bench-")
    began = time.perf_counter()
    process = subprocess.Popen(command, cwd=directory, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    port_file = os.path.join(directory, ".nrepl-port")
    while not (os.path.exists(port_file) and open(port_file).read().strip()):
        if process.poll() is not None:
            raise RuntimeError("server exited: " + " ".join(command))
        time.sleep(0.001)
    startup = time.perf_counter() - began
    return process, int(open(port_file).read()), startup, directory


def stop(process, directory):
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
    shutil.rmtree(directory, ignore_errors=True)


def round_trips(port, evals):
    client = nrepl_client.Client("127.0.0.1", port)
    session = client.clone()
    for _ in range(200):  # warm-up: JIT in both servers
        client.call(op="eval", session=session, code="(+ 1 2)")
    times = []
    for _ in range(evals):
        t = time.perf_counter()
        replies = client.call(op="eval", session=session, code="(+ 1 2)")
        times.append(time.perf_counter() - t)
        assert any(r.get("value") == b"3" for r in replies), replies
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.99)]


def interrupt_latency(port, loop_code, runs=10):
    client = nrepl_client.Client("127.0.0.1", port)
    session = client.clone()
    latencies = []
    for _ in range(runs):
        eval_id = client.send(op="eval", session=session, code=loop_code)
        time.sleep(0.2)
        t = time.perf_counter()
        client.send(op="interrupt", session=session, **{"interrupt-id": eval_id})
        while True:
            r = client.read()
            if r.get("id", b"").decode() == eval_id and b"interrupted" in r.get("status", []):
                latencies.append(time.perf_counter() - t)
            if r.get("id", b"").decode() == eval_id and b"done" in r.get("status", []):
                break
    return statistics.median(latencies), max(latencies)


def one_client(args):
    port, evals = args
    client = nrepl_client.Client("127.0.0.1", port)
    session = client.clone()
    for i in range(evals):
        client.call(op="eval", session=session, code="(+ 1 %d)" % i)


def throughput(port, clients, per_client):
    with multiprocessing.Pool(clients) as pool:
        pool.map(one_client, [(port, 10)] * clients)  # connect, clone, warm up
        t = time.perf_counter()
        pool.map(one_client, [(port, per_client)] * clients)
        return clients * per_client / (time.perf_counter() - t)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--evals", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--per-client", type=int, default=200)
    parser.add_argument("--no-clojure", action="store_true")
    parser.add_argument("--zylisp", default=os.path.join(ROOT, "zylisp"), help="the apphost to run (another build's, to compare)")
    args = parser.parse_args()
    have_clojure = all(os.path.exists(p) for p in CLOJURE_CP.split(":")) and shutil.which("java")
    print("load average at the start: %.1f %.1f %.1f" % os.getloadavg())
    print("| server | start-up to port file (median of 5) | eval p50 | eval p99 | interrupt median / max | throughput, %d clients |" % args.clients)
    print("|---|---|---|---|---|---|")
    for name, command, loop_code in servers(args.zylisp):
        if name == "clojure" and (args.no_clojure or not have_clojure):
            print("| clojure | skipped: %s |" % ("--no-clojure" if args.no_clojure else "clojure/libnrepl-clojure not installed"))
            continue
        startups = []
        for _ in range(5):
            process, port, startup, directory = start(command)
            startups.append(startup)
            stop(process, directory)
        process, port, _, directory = start(command)
        try:
            p50, p99 = round_trips(port, args.evals)
            i50, imax = interrupt_latency(port, loop_code)
            rate = throughput(port, args.clients, args.per_client)
        finally:
            stop(process, directory)
        print("| %s | %.0f ms | %.3f ms | %.3f ms | %.1f / %.1f ms | %.0f evals/s |" % (
            name, statistics.median(startups) * 1000, p50 * 1000, p99 * 1000, i50 * 1000, imax * 1000, rate))
        sys.stdout.flush()
    print("load average at the end: %.1f %.1f %.1f" % os.getloadavg())


if __name__ == "__main__":
    main()
