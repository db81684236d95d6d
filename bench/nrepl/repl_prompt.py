#!/usr/bin/env python3
"""Time from starting `./zylisp repl` on a terminal (a pty) to its first prompt, against
`./zylisp repl --local` in the same run: median of N runs each.

  python3 bench/nrepl/repl_prompt.py [--runs 7]
"""
import argparse, os, pty, select, signal, statistics, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PROMPT = b"user=> "


def time_to_prompt(args):
    began = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ.pop("NO_COLOR", None)
        os.execv(os.path.join(ROOT, "zylisp"), ["zylisp", *args])
    seen = b""
    try:
        while PROMPT not in seen:
            ready, _, _ = select.select([fd], [], [], 30)
            if not ready:
                raise TimeoutError("no prompt within 30 s")
            # Answer the line editor's cursor-position query, as a terminal would.
            chunk = os.read(fd, 4096)
            if b"\x1b[6n" in chunk:
                os.write(fd, b"\x1b[1;1R")
            seen += chunk
        return time.perf_counter() - began
    finally:
        os.write(fd, b"\x04")
        time.sleep(0.2)
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    time_to_prompt(["repl"])  # a first run may publish the build
    for name, argv in [("zylisp repl (nREPL client, 1 worker)", ["repl"]), ("zylisp repl --local", ["repl", "--local"])]:
        runs = [time_to_prompt(argv) for _ in range(args.runs)]
        print("| %s | %.0f ms | %.0f ms |" % (name, statistics.median(runs) * 1000, min(runs) * 1000))


if __name__ == "__main__":
    main()
