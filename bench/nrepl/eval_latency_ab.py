#!/usr/bin/env python3
"""Eval round-trip latency of two builds of `zylisp nrepl`, interleaved in one run: on a shared,
noisy machine two separate runs minutes apart compare the load more than the builds.

  python3 bench/nrepl/eval_latency_ab.py --baseline PATH [--zylisp PATH] [--evals 2000] [--blocks 10] [--warmup 2000]

Starts both servers (each with its one worker), warms each up with --warmup evals of (+ 1 2),
then alternates blocks of --evals/--blocks evals between them until each has done --evals, with
the same plain client as bench.py (sendall + recv, no TCP options). Prints p50 and p99 per build
and the load average. --baseline is another build's apphost, e.g. a copy of .build/zylisp-linux-x64
made before a change.
"""
import argparse, os, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402
import nrepl_client  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", required=True)
    parser.add_argument("--zylisp", default=os.path.join(bench.ROOT, "zylisp"))
    parser.add_argument("--evals", type=int, default=2000)
    parser.add_argument("--blocks", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2000)
    args = parser.parse_args()
    print("load average at the start: %.1f %.1f %.1f" % os.getloadavg())
    builds = [("baseline", args.baseline), ("this build", args.zylisp)]
    running = []
    try:
        for name, path in builds:
            process, port, _, directory = bench.start([path, "nrepl"])
            running.append((process, directory))
            client = nrepl_client.Client("127.0.0.1", port)
            session = client.clone()
            for _ in range(args.warmup):
                client.call(op="eval", session=session, code="(+ 1 2)")
            builds[builds.index((name, path))] = (name, (client, session, []))
        per_block = max(1, args.evals // args.blocks)
        for _ in range(args.blocks):
            for name, (client, session, times) in builds:
                for _ in range(per_block):
                    began = time.perf_counter()
                    replies = client.call(op="eval", session=session, code="(+ 1 2)")
                    times.append(time.perf_counter() - began)
                    assert any(r.get("value") == b"3" for r in replies), replies
        print("| build | evals | eval p50 | eval p99 |")
        print("|---|---:|---:|---:|")
        for name, (_, _, times) in builds:
            times.sort()
            print("| %s | %d | %.3f ms | %.3f ms |" % (name, len(times), times[len(times) // 2] * 1000, times[int(len(times) * 0.99)] * 1000))
    finally:
        for process, directory in running:
            bench.stop(process, directory)
    print("load average at the end: %.1f %.1f %.1f" % os.getloadavg())


if __name__ == "__main__":
    main()
