#!/usr/bin/env python3
"""Time from starting `./zylisp repl` on a terminal (a pty) to its first prompt, against
`./zylisp repl --local` and, as the same-run baseline, `dotnet hello.dll` (a C# hello world from
start to exit: the .NET runtime's own start on this machine at this moment). The three are run
in interleaved rounds, so a change in the machine's load hits all three alike; medians of N runs.

  python3 bench/nrepl/repl_prompt.py [--runs 15]

bench/startup/run.sh builds hello.dll; this script builds it the same way when it is missing.
"""
import argparse, os, pty, select, signal, statistics, subprocess, time

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
        elapsed = time.perf_counter() - began
        CPU.append(process_cpu(pid))
        return elapsed
    finally:
        os.write(fd, b"\x04")
        time.sleep(0.2)
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)


CPU = []  # CPU time (user+system) of the process when its prompt appeared, per run


def process_cpu(pid):
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_to_exit(argv):
    began = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - began


def hello_dll():
    work = os.path.join(ROOT, ".build", "bench-startup")
    dll = os.path.join(work, "hello", "hello.dll")
    if not os.path.exists(dll):
        subprocess.run(["dotnet", "publish", os.path.join(ROOT, "bench", "startup", "hello", "Hello.csproj"), "-c", "Release",
                        "--nologo", "-v", "quiet", "--artifacts-path", os.path.join(work, "artifacts"), "-o", os.path.join(work, "hello")],
                       check=True, stdout=subprocess.DEVNULL)
    return dll


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    time_to_prompt(["repl"])  # a first run may publish the build
    baseline = ["dotnet", hello_dll()]
    rows = [("zylisp repl (nREPL client, 1 worker)", lambda: time_to_prompt(["repl"])),
            ("zylisp repl --local", lambda: time_to_prompt(["repl", "--local"])),
            ("dotnet hello.dll (start to exit)", lambda: time_to_exit(baseline))]
    times = {name: [] for name, _ in rows}
    cpu = {name: [] for name, _ in rows}
    for _ in range(args.runs):
        for name, run in rows:
            before = os.times()
            CPU.clear()
            times[name].append(run())
            after = os.times()
            # The REPL's own CPU time when its prompt appeared; hello's is its children's time.
            cpu[name].append(CPU[0] if CPU else (after.children_user + after.children_system) - (before.children_user + before.children_system))
    base = statistics.median(times[rows[2][0]])
    base_cpu = statistics.median(cpu[rows[2][0]])
    print("| command | median | best | median / hello.dll | CPU (median) | CPU / hello.dll |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, _ in rows:
        median = statistics.median(times[name])
        median_cpu = statistics.median(cpu[name])
        print("| %s | %.0f ms | %.0f ms | %.2f | %.0f ms | %.2f |" % (name, median * 1000, min(times[name]) * 1000, median / base, median_cpu * 1000, median_cpu / base_cpu))
    print("load average: %.1f %.1f %.1f" % os.getloadavg())


if __name__ == "__main__":
    main()
