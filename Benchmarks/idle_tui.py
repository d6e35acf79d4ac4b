#!/usr/bin/env python3
"""Idle TUI CPU: `scimterm --sandbox` (release build) sits in a private tmux server, untouched, for
SECONDS; prints the CPU it used (utime + stime from /proc/PID/stat) as a share of the wall time,
and how often its threads woke (voluntary context switches). Linux and tmux only.
Usage: python3 Benchmarks/idle_tui.py [--seconds 10] [--scratch-path /tmp/scimterm-release]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TICK = os.sysconf("SC_CLK_TCK")


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def wakeups(pid):
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/status") as f:
            for line in f:
                if line.startswith("voluntary_ctxt_switches:"):
                    total += int(line.split()[1])
    return total


def wait_for_screen(server, text, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        screen = subprocess.run(["tmux", "-L", server, "capture-pane", "-p"], capture_output=True, text=True).stdout
        if all(t in screen for t in text):
            return
        time.sleep(0.1)
    sys.exit(f"timed out waiting for {text}")


def wait_until_gone(pid_file, timeout=10):
    """The hang-up makes scimterm save its workspace on the way out: the folder goes only after it has."""
    try:
        pid = int(open(pid_file).read())
    except (OSError, ValueError):
        return
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            os.kill(pid, 0)
        except OSError:
            return
        time.sleep(0.05)


def measure(scimterm, arguments, ready, seconds):
    server = f"scimterm-idle-{os.getpid()}"
    with tempfile.TemporaryDirectory() as tmp:
        pid_file = os.path.join(tmp, "pid")
        env = f"HOME={tmp} XDG_DATA_HOME={tmp}/data XDG_CONFIG_HOME={tmp}/config LANG=C.UTF-8"
        script = f"echo $$ > {pid_file}; exec env {env} {scimterm} {arguments}"
        subprocess.run(["tmux", "-L", server, "-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30",
                        "sh", "-c", script], check=True, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True)
        try:
            wait_for_screen(server, ready)
            time.sleep(1)  # let the first validation and the connection test's last frame finish
            pid = int(open(pid_file).read())
            t0, c0, w0 = time.perf_counter(), cpu_ticks(pid), wakeups(pid)
            time.sleep(seconds)
            t1, c1, w1 = time.perf_counter(), cpu_ticks(pid), wakeups(pid)
        finally:
            subprocess.run(["tmux", "-L", server, "kill-server"], stderr=subprocess.DEVNULL)
            wait_until_gone(pid_file)
    cpu = (c1 - c0) / TICK
    return t1 - t0, cpu, w1 - w0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--scratch-path", help="SwiftPM scratch path of the release build (default: .build)")
    args = parser.parse_args()
    if not shutil.which("tmux"):
        sys.exit("tmux is needed")
    scratch = ["--scratch-path", args.scratch_path] if args.scratch_path else []
    subprocess.run(["swift", "build", "-c", "release", "--product", "scimterm"] + scratch, cwd=ROOT, check=True)
    bin_dir = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"] + scratch, cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.strip()
    scimterm = os.path.join(bin_dir, "scimterm")
    print("| what | wall time | CPU time | CPU share | wake-ups |")
    print("|---|---|---|---|---|")
    for label, arguments, ready in [
        ("idle TUI (`scimterm`, Connect screen)", "", ["Profile (config.toml)"]),
        # The sandbox runs the emulator in process; it looks for due jobs ten times a second.
        ("idle TUI (`scimterm --sandbox`, 25 users, in-process emulator)", "--sandbox", ["25 users", "job Active"]),
    ]:
        wall, cpu, woke = measure(scimterm, arguments, ready, args.seconds)
        print(f"| {label} | {wall:.1f} s | {cpu:.2f} s | {100 * cpu / wall:.2f} % | {woke / wall:.1f}/s |")


if __name__ == "__main__":
    main()
