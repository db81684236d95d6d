#!/usr/bin/env python3
"""Eval round trip of freshly started servers, two builds interleaved: what bench.py measures
(a new `zylisp nrepl`, a clone, its 200 warm-up evals, then --evals timed evals of (+ 1 2) with
the same plain client), repeated --rounds times with the builds alternating, so that on a shared
machine both see the same load. Reports the median over rounds of each figure, and each round's.

  python3 bench/nrepl/fresh_server_ab.py --baseline PATH [--zylisp PATH] [--rounds 8] [--evals 2000]
      [--env NAME=VALUE ...] [--baseline-env NAME=VALUE ...]

--baseline and --zylisp are launchers to run (./zylisp of two checkouts, or an apphost).
--env / --baseline-env add environment variables to one side (e.g. ZYLISP_WORKER_WARMUP=0 with the
same build on both sides, to measure one setting).

Columns: start-up to the port file; clone (includes the worker's start); p50 of the 200 warm-up
evals (the very first evals of the session); p50 and p99 of the timed evals.
"""
import argparse, os, statistics, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402
import nrepl_client  # noqa: E402

WARMUP = 200  # bench.py's


def one_run(zylisp, env, evals):
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        process, port, startup, directory = bench.start([zylisp, "nrepl"])
    finally:
        os.environ.clear()
        os.environ.update(saved)
    try:
        began = time.perf_counter()
        client = nrepl_client.Client("127.0.0.1", port)
        session = client.clone()
        clone = time.perf_counter() - began
        first, timed = [], []
        for samples, count in ((first, WARMUP), (timed, evals)):
            for _ in range(count):
                t = time.perf_counter()
                replies = client.call(op="eval", session=session, code="(+ 1 2)")
                samples.append(time.perf_counter() - t)
                assert any(r.get("value") == b"3" for r in replies), replies
        first.sort()
        timed.sort()
        return startup, clone, first[len(first) // 2], timed[len(timed) // 2], timed[int(len(timed) * 0.99)]
    finally:
        bench.stop(process, directory)


def pairs(items):
    return dict(item.split("=", 1) for item in items)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", required=True)
    parser.add_argument("--zylisp", default=os.path.join(bench.ROOT, "zylisp"))
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--evals", type=int, default=2000)
    parser.add_argument("--env", action="append", default=[])
    parser.add_argument("--baseline-env", action="append", default=[])
    args = parser.parse_args()
    builds = [("baseline", os.path.abspath(args.baseline), pairs(args.baseline_env)), ("this build", os.path.abspath(args.zylisp), pairs(args.env))]
    results = {name: [] for name, _, _ in builds}
    print("load average at the start: %.1f %.1f %.1f" % os.getloadavg())
    for _ in range(args.rounds):
        for name, path, env in builds:
            results[name].append(one_run(path, env, args.evals))
    print("| build | port file | clone | first %d evals p50 | eval p50 | eval p99 | each round: p50 / p99 (ms) |" % WARMUP)
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, _, _ in builds:
        runs = results[name]
        med = [statistics.median(run[i] for run in runs) * 1000 for i in range(5)]
        print("| %s | %.0f ms | %.0f ms | %.3f ms | **%.3f ms** | **%.3f ms** | %s |" % (
            name, med[0], med[1], med[2], med[3], med[4], ", ".join("%.3f / %.2f" % (r[3] * 1000, r[4] * 1000) for r in runs)))
    print("load average at the end: %.1f %.1f %.1f" % os.getloadavg())


if __name__ == "__main__":
    main()
