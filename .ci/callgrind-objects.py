#!/usr/bin/env python3
"""Reads a callgrind out file and prints the total instruction count (Ir), then Ir per object (self cost).

Usage: callgrind-objects.py CALLGRIND_OUT [--top N]
Output: a line `total N`, then `N  share%  object` lines, largest first (the objects sum to the total).
"""
import os
import re
import sys


def main():
    path = sys.argv[1]
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 8
    names = {}          # compressed id -> object name
    current = "?"       # object of the current function
    skip_next = False   # the line after `calls=` is the inclusive cost of that call, not self cost
    by_object = {}
    total = None
    ref = re.compile(r"^\((\d+)\)(?: (.*))?$")
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if skip_next:
                skip_next = False
                continue
            first = line[:1]
            if first.isdigit() or first in "+-*":
                parts = line.split()
                if len(parts) >= 2:
                    by_object[current] = by_object.get(current, 0) + int(parts[1])
                continue
            if line.startswith("ob="):
                value = line[3:].strip()
                match = ref.match(value)
                if match:
                    if match.group(2):
                        names[match.group(1)] = match.group(2)
                    current = names.get(match.group(1), value)
                else:
                    current = value
            elif line.startswith("cob="):
                match = ref.match(line[4:].strip())
                if match and match.group(2):
                    names[match.group(1)] = match.group(2)
            elif line.startswith("calls="):
                skip_next = True
            elif line.startswith("totals:") or line.startswith("summary:"):
                total = int(line.split()[1])
    counted = sum(by_object.values())
    print(f"total {total if total is not None else counted}")
    for obj, ir in sorted(by_object.items(), key=lambda kv: -kv[1])[:top]:
        print(f"{ir:>15,}  {100 * ir / max(1, counted):5.1f}%  {os.path.basename(obj)}")


if __name__ == "__main__":
    main()
