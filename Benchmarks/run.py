#!/usr/bin/env python3
"""Measures the README's benchmark table: scimterm (release build) against the Python baseline.

Each command runs REPEAT times; the table shows the median wall time and the largest peak RSS
(from wait4's rusage of that very child, so nothing else on the machine is counted).
Usage: python3 Benchmarks/run.py [--rows 100000] [--repeat 5]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def measure(argv, stdout_path):
    with open(stdout_path, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"failed: {' '.join(argv)}")
    return elapsed, usage.ru_maxrss / 1024  # KiB -> MiB


def run(label, argv, stdout_path, repeat):
    times, peaks = [], []
    for _ in range(repeat):
        t, m = measure(argv, stdout_path)
        times.append(t)
        peaks.append(m)
    return label, statistics.median(times), max(peaks)


def measure_send(scimterm, jsonl, tmp, args):
    """Sends the converted users to a local emulator with its rate limit off; reports requests/s."""
    import json
    emulator = subprocess.Popen([scimterm, "emulator", "--rate-limit", "0", "--daily-quota", "0", "--processing-delay", "100000"],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        info = json.loads(emulator.stdout.readline())
        docs = sum(1 for _ in open(jsonl, encoding="utf-8"))
        env = dict(os.environ, SCIMTERM_CLIENT_SECRET=info["clientSecret"])
        argv = [scimterm, "send", jsonl, "--endpoint", info["endpoint"], "--tenant", info["tenant"],
                "--client-id", info["clientId"], "--authority", info["authority"], "--rate-limit", "0", "--daily-quota", "0",
                "--journal", os.path.join(tmp, "journal.sqlite")]
        with open(os.devnull, "wb") as out:
            start = time.perf_counter()
            proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
            _, status, usage = os.wait4(proc.pid, 0)
            elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit("send failed")
        return (f"scimterm send ({args.rows:,} users, {docs:,} requests, emulator rate limit off; "
                f"{docs / elapsed:,.0f} requests/s)", elapsed, usage.ru_maxrss / 1024)
    finally:
        emulator.terminate()
        emulator.wait()


def send_only(scimterm, bin_dir, args):
    """The send's own figures: the users are converted once (not measured), then sent unpaced."""
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = os.path.join(tmp, "hr.csv")
        subprocess.run([os.path.join(bin_dir, "scimterm-bench"), "generate-csv", "--rows", str(args.rows), "-o", csv_path], check=True)
        jsonl = os.path.join(tmp, "out.jsonl")
        mapping = os.path.join(ROOT, "examples", "csv2scim-mapping.toml")
        with open(jsonl, "wb") as out:
            subprocess.run([scimterm, "convert", csv_path, "--mapping", mapping], stdout=out, check=True)
        os.remove(csv_path)
        label, t, m = measure_send(scimterm, jsonl, tmp, args)
    print("| what | wall time | peak memory |")
    print("|---|---|---|")
    print(f"| {label} | {t:.3f} s | {m:.0f} MiB |")


def mapping_eval(bin_dir, args):
    """The default job mapping evaluated for --rows generated users (scimterm-bench mapping-eval):
    each run's evaluation time as the bench prints it, the process's wall time and peak memory
    (generation included), then the best evaluation time and the spread."""
    import re
    argv = [os.path.join(bin_dir, "scimterm-bench"), "mapping-eval", "--users", str(args.rows)]
    evals = []
    print("| run | evaluation | process wall time | peak memory |")
    print("|---|---|---|---|")
    for i in range(args.repeat):
        with tempfile.NamedTemporaryFile() as out:
            t, m = measure(argv, out.name)
            line = open(out.name, encoding="utf-8").read().strip()
        found = re.search(r"\| ([0-9.]+) s \|", line)
        evals.append(float(found.group(1)) if found else float("nan"))
        print(f"| {i + 1} | {evals[-1]:.3f} s | {t:.3f} s | {m:.0f} MiB |")
    print(f"\n{line}")
    print(f"best evaluation {min(evals):.3f} s, spread {max(evals) - min(evals):.3f} s over {args.repeat} runs "
          f"(target ≤ 0.5 s for 100,000 users); cpu: {os.cpu_count()} cores")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--send", action="store_true", help="also send the result to the emulator (rate limit off)")
    parser.add_argument("--emulator", action="store_true", help="also time the emulator processing --rows users")
    parser.add_argument("--send-only", action="store_true",
                        help="only the send: convert --rows users once, send them unpaced, print wall time and peak memory")
    parser.add_argument("--send-1m", action="store_true", help="--send-only with 1,000,000 users")
    parser.add_argument("--mapping-eval", action="store_true",
                        help="only the job's default mapping evaluated for --rows generated users: time and peak memory")
    parser.add_argument("--scratch-path", help="SwiftPM scratch path of the release build (default: .build)")
    parser.add_argument("--idle", action="store_true", help="only the idle TUI's CPU over 10 s (Benchmarks/idle_tui.py; tmux)")
    parser.add_argument("--validate-1m", action="store_true",
                        help="only validate of 1,000,000 users (JSON Lines) and the 3 MB [{},{},…]: time and peak memory (Benchmarks/validate_memory.py)")
    args = parser.parse_args()
    if args.validate_1m:
        import validate_memory
        return validate_memory.main(["--scratch-path", args.scratch_path] if args.scratch_path else [])
    if args.idle:
        idle = [sys.executable, os.path.join(ROOT, "Benchmarks", "idle_tui.py")]
        sys.exit(subprocess.run(idle + (["--scratch-path", args.scratch_path] if args.scratch_path else [])).returncode)
    if args.send_1m:
        args.rows, args.send_only = 1_000_000, True
    scratch = ["--scratch-path", args.scratch_path] if args.scratch_path else []
    subprocess.run(["swift", "build", "-c", "release", "--product", "scimterm"] + scratch, cwd=ROOT, check=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "scimterm-bench"] + scratch, cwd=ROOT, check=True)
    bin_dir = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"] + scratch, cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.strip()
    scimterm = os.path.join(bin_dir, "scimterm")
    if args.send_only:
        return send_only(scimterm, bin_dir, args)
    if args.mapping_eval:
        return mapping_eval(bin_dir, args)
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = os.path.join(tmp, "hr.csv")
        subprocess.run([os.path.join(bin_dir, "scimterm-bench"), "generate-csv", "--rows", str(args.rows), "-o", csv_path], check=True)
        jsonl = os.path.join(tmp, "out.jsonl")
        py_out = os.path.join(tmp, "py.jsonl")
        mapping = os.path.join(ROOT, "examples", "csv2scim-mapping.toml")
        rows = [
            run(f"scimterm convert ({args.rows:,} CSV rows → JSON Lines)",
                [scimterm, "convert", csv_path, "--mapping", mapping], jsonl, args.repeat),
            run(f"scimterm validate (the {args.rows:,}-user JSON Lines result)",
                [scimterm, "validate", "--no-hints", jsonl], os.devnull, args.repeat),
            run("Python 3 stdlib baseline (same conversion)",
                [sys.executable, os.path.join(ROOT, "Benchmarks", "csv2scim_baseline.py"), csv_path], py_out, args.repeat),
            run("Python 3 json.loads of each line of the same JSON Lines (validate baseline, parse only)",
                [sys.executable, os.path.join(ROOT, "Benchmarks", "validate_baseline.py"), jsonl], os.devnull, args.repeat),
        ]
        if args.send:
            rows.append(measure_send(scimterm, jsonl, tmp, args))
        docs = sum(1 for _ in open(jsonl, encoding="utf-8"))
        py_docs = sum(1 for _ in open(py_out, encoding="utf-8"))
    print(f"\nrows: {args.rows:,}  documents: {docs:,} (baseline {py_docs:,})  cpu: {os.cpu_count()} cores  repeat: {args.repeat}\n")
    print("| what | median wall time | peak memory |")
    print("|---|---|---|")
    for label, t, m in rows:
        print(f"| {label} | {t:.3f} s | {m:.0f} MiB |")
    if args.emulator:
        # The emulator's own processing of a backlog, in process (no HTTP), as scimterm-bench prints it.
        out = subprocess.run([os.path.join(bin_dir, "scimterm-bench"), "emulator", "--users", str(args.rows)],
                             check=True, capture_output=True, text=True).stdout
        print(out.rstrip())
    print(f"\nscimterm convert is {rows[2][1] / rows[0][1]:.1f}× faster than the Python baseline.")
    print(f"Python's json.loads of each line takes {rows[3][1] / rows[1][1]:.2f}× the time of scimterm validate (target ≥ 3).")


if __name__ == "__main__":
    main()
