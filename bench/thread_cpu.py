#!/usr/bin/env python3
"""CPU time per thread group of one command (a casebook build), read from /proc while it runs.

Usage: bench/thread_cpu.py java $(cat .mvn/jvm.config) -cp ... casebook.Main build --content C --out O --quiet

JFR samples only Java threads, and -XX:+CITime reports the JIT's compilations in wall time (which,
on two busy cores, includes the time a compiler thread waits for a core). This reads each thread's
own user+system time from /proc/<pid>/task/<tid>/stat every 50 ms and keeps the last value seen, so a
thread that ends early still counts. Groups: workers (ForkJoinPool-*), main, C2 and C1 compiler
threads, GC threads, everything else. Linux only.
"""
import os
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def group(name):
    if name.startswith("ForkJoinPool-"):
        return "workers (ForkJoinPool)"
    if name.startswith("C2 CompilerThre"):
        return "JIT C2"
    if name.startswith("C1 CompilerThre"):
        return "JIT C1"
    if name.startswith("GC Thread") or name.startswith("VM Thread"):
        return "GC and VM"
    if name == "java":
        return "main"
    return "other (" + name.rstrip("0123456789#") + ")" if name.startswith("casebook") else "other"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    start = time.monotonic()
    proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    last = {}
    while proc.poll() is None:
        try:
            for tid in os.listdir(f"/proc/{proc.pid}/task"):
                try:
                    with open(f"/proc/{proc.pid}/task/{tid}/stat") as f:
                        stat = f.read()
                    with open(f"/proc/{proc.pid}/task/{tid}/comm") as f:
                        name = f.read().strip()
                except OSError:
                    continue
                fields = stat[stat.rindex(")") + 2:].split()
                last[tid] = (name, (int(fields[11]) + int(fields[12])) / TICK)
        except OSError:
            pass
        time.sleep(0.05)
    wall = time.monotonic() - start
    groups = {}
    for name, cpu in last.values():
        groups[group(name)] = groups.get(group(name), 0) + cpu
    total = sum(groups.values())
    print(f"wall {wall:.2f} s, CPU seen {total:.2f} s (exit {proc.returncode})")
    for g, cpu in sorted(groups.items(), key=lambda x: -x[1]):
        print(f"  {g:28s} {cpu:6.2f} s  {100 * cpu / total:5.1f}%")


if __name__ == "__main__":
    main()
