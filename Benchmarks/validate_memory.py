#!/usr/bin/env python3
"""validate's wall time and peak memory on a large JSON Lines file (issue 14: flat memory at any size).

Generates ROWS HR rows, converts them to JSON Lines once (not measured), then runs
`scimterm validate --no-hints` on it REPEAT times, and the hostile 3 MB `[{},{},…]` once.
Usage: python3 Benchmarks/validate_memory.py [--rows 1000000] [--repeat 1] [--scratch-path DIR]
(run.py --validate-1m calls this with 1,000,000 rows.)
"""
import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import ROOT, run  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--scratch-path", help="SwiftPM scratch path of the release build (default: .build)")
    args = parser.parse_args(argv)
    scratch = ["--scratch-path", args.scratch_path] if args.scratch_path else []
    for product in ("scimterm", "scimterm-bench"):
        subprocess.run(["swift", "build", "-c", "release", "--product", product] + scratch, cwd=ROOT, check=True)
    bin_dir = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"] + scratch, cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.strip()
    scimterm = os.path.join(bin_dir, "scimterm")
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = os.path.join(tmp, "hr.csv")
        subprocess.run([os.path.join(bin_dir, "scimterm-bench"), "generate-csv", "--rows", str(args.rows), "-o", csv_path], check=True)
        jsonl = os.path.join(tmp, "users.jsonl")
        with open(jsonl, "wb") as out:
            subprocess.run([scimterm, "convert", csv_path, "--mapping", os.path.join(ROOT, "examples", "csv2scim-mapping.toml")],
                           stdout=out, stderr=subprocess.DEVNULL, check=True)
        os.remove(csv_path)
        hostile = os.path.join(tmp, "empty-objects.json")
        with open(hostile, "w") as out:
            out.write("[" + ",".join(["{}"] * 1_000_000) + "]")
        rows = [
            run(f"scimterm validate ({args.rows:,} users, {os.path.getsize(jsonl) / 1e6:.0f} MB JSON Lines)",
                [scimterm, "validate", "--no-hints", jsonl], os.devnull, args.repeat),
            run("scimterm validate (3 MB of `[{},{},…]`: 1,000,000 empty users)",
                [scimterm, "validate", "--no-hints", hostile], os.devnull, 1),
        ]
    print("| what | wall time | peak memory |")
    print("|---|---|---|")
    for label, t, m in rows:
        print(f"| {label} | {t:.3f} s | {m:.0f} MiB |")


if __name__ == "__main__":
    main()
