#!/usr/bin/env python3
"""Sums test durations per class from TRX files (dotnet test --logger trx) and prints the slowest.

Usage: tests/tools/trx-times.py [--top N] FILE.trx [FILE.trx ...]
A class's sum is the time its tests ran, not its host's start (xunit spends that in the fixture),
so the first column also shows the span from the class's first start to its last end.
"""
import re
import sys
import xml.etree.ElementTree as ET
from datetime import datetime

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def seconds(text):
    h, m, s = text.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def stamp(text):
    # 2026-12-01T19:04:05.1234567+00:00: seven digits of fraction are one too many for fromisoformat.
    m = re.match(r"(.*T[\d:]+)(?:\.(\d+))?(.*)$", text)
    return datetime.fromisoformat(f"{m.group(1)}.{(m.group(2) or '0')[:6].ljust(6, '0')}{m.group(3)}")


def main(argv):
    top = 15
    if argv[:1] == ["--top"]:
        top, argv = int(argv[1]), argv[2:]
    per_class = {}
    for path in argv:
        root = ET.parse(path).getroot()
        names = {d.get("id"): d.find("t:TestMethod", NS).get("className") for d in root.iterfind(".//t:UnitTest", NS)}
        for r in root.iterfind(".//t:UnitTestResult", NS):
            cls = names.get(r.get("testId"), "?")
            c = per_class.setdefault(cls, {"sum": 0.0, "n": 0, "first": None, "last": None})
            c["sum"] += seconds(r.get("duration", "0:0:0"))
            c["n"] += 1
            if r.get("startTime") and r.get("endTime"):
                s, e = stamp(r.get("startTime")), stamp(r.get("endTime"))
                c["first"] = s if c["first"] is None or s < c["first"] else c["first"]
                c["last"] = e if c["last"] is None or e > c["last"] else c["last"]
    rows = sorted(per_class.items(), key=lambda kv: -kv[1]["sum"])
    print(f"{'span s':>8} {'sum s':>8} {'tests':>5}  class")
    for cls, c in rows[:top]:
        span = (c["last"] - c["first"]).total_seconds() if c["first"] else 0
        print(f"{span:8.1f} {c['sum']:8.1f} {c['n']:5d}  {cls}")
    print(f"{'':8} {sum(c['sum'] for c in per_class.values()):8.1f} {sum(c['n'] for c in per_class.values()):5d}  all {len(per_class)} classes")


if __name__ == "__main__":
    main(sys.argv[1:])
