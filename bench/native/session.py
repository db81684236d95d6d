#!/usr/bin/env python3
"""Native nREPL sessions against the interpreter's, in one `./zylisp nrepl` run (one worker process),
with the plain bencode client of bench/nrepl/nrepl_client.py.

  python3 bench/native/session.py [--evals 1000] [--clones 5]

Measures per engine: clone plus the first eval (a native session compiles and loads its runtime
and library in the worker then), the round trip of (+ 1 2), and the round trip of a fresh defn (a new chunk of machine code
per eval natively). Medians and p99 over --evals after 50 warm-ups.
"""
import argparse, os, statistics, sys, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "nrepl"))
import nrepl_client  # noqa: E402
from bench import start, stop  # noqa: E402


def first_eval_time(client, engine, clones):
    """clone, then the first eval: a native session compiles and loads its runtime and library then."""
    times = []
    for _ in range(clones):
        t = time.perf_counter()
        replies = client.call(op="clone", engine=engine)
        session = next(r["new-session"] for r in replies if "new-session" in r).decode()
        client.call(op="eval", session=session, code="(+ 1 2)")
        times.append(time.perf_counter() - t)
    return statistics.median(times), session


def round_trips(client, session, evals, code, expect):
    for i in range(50):
        client.call(op="eval", session=session, code=code(i))
    times = []
    for i in range(evals):
        t = time.perf_counter()
        replies = client.call(op="eval", session=session, code=code(i))
        times.append(time.perf_counter() - t)
        assert expect == b"*" or any(r.get("value") == expect for r in replies), replies
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.99)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--evals", type=int, default=1000)
    parser.add_argument("--clones", type=int, default=5)
    args = parser.parse_args()
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    process, port, _, directory = start([os.path.join(root, "zylisp"), "nrepl"])
    try:
        client = nrepl_client.Client("127.0.0.1", port)
        print(f"load average: {os.getloadavg()[0]:.1f}")
        print("| engine | clone + first eval (median) | (+ 1 2) p50 / p99 | fresh defn p50 / p99 |")
        print("|---|---|---|---|")
        for engine in ["interp", "native"]:
            clone, session = first_eval_time(client, engine, args.clones)
            plus = round_trips(client, session, args.evals, lambda i: "(+ 1 2)", b"3")
            defn = round_trips(client, session, args.evals, lambda i: f"(defn f{i} [x] (* x {i}))", b"*")
            print(f"| {engine} | {clone * 1000:.1f} ms | {plus[0] * 1000:.3f} / {plus[1] * 1000:.3f} ms | {defn[0] * 1000:.3f} / {defn[1] * 1000:.3f} ms |")
    finally:
        stop(process, directory)


if __name__ == "__main__":
    main()
