#!/usr/bin/env python3
"""Compares two results directories trial by trial: the same trials, statuses, per-epoch records
and metrics, ignoring what differs between runs by nature (wall-clock times, run ids, hosts, the
environment). Prints one line per difference and exits 1 if there is one, 0 otherwise.

    compare-results.py EXPECTED_DIR ACTUAL_DIR
"""
import json
import pathlib
import sys

TIMES = ("wallSeconds", "seconds", "Seconds")


def trials(root):
    found = {}
    for file in sorted(pathlib.Path(root).glob("*/trials/*.json")):
        trial = json.loads(file.read_text())
        found[(trial["experiment"], trial["trialId"])] = trial
    return found


def comparable(trial):
    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if not any(t in k for t in TIMES)}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value
    return {k: strip(v) for k, v in trial.items() if k not in ("environment", "wallSeconds")}


def main(expected_dir, actual_dir):
    expected, actual = trials(expected_dir), trials(actual_dir)
    differences = []
    for key in sorted(set(expected) | set(actual)):
        if key not in actual:
            differences.append(f"{key[1]}: missing from {actual_dir}")
        elif key not in expected:
            differences.append(f"{key[1]}: only in {actual_dir}")
        elif comparable(expected[key]) != comparable(actual[key]):
            differences.append(f"{key[1]}: differs")
    for line in differences:
        print(line)
    print(f"{len(expected)} trial(s) expected, {len(actual)} found, {len(differences)} difference(s)")
    return 1 if differences or not expected else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
