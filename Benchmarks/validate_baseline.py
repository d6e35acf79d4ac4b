#!/usr/bin/env python3
"""The floor `scimterm validate` is compared with: Python's json.loads of each line, parse only.

No rule is checked and nothing is printed but a count, so this is the least any JSON Lines
validator in Python must do. Usage: python3 Benchmarks/validate_baseline.py FILE.jsonl
"""
import json
import sys


def main():
    documents = 0
    with open(sys.argv[1], "rb") as f:
        for line in f:
            if line.strip():
                json.loads(line)
                documents += 1
    print(documents)


if __name__ == "__main__":
    main()
