#!/usr/bin/env python3
"""Table of a bench/run.sh results folder.

usage: summarize.py RESULTS "N1 N2 ..." "tool1 tool2 ..."

Reads RESULTS/<tool>-<N>.json (hyperfine), <tool>-<N>.rss (GNU time "%e %M %x"),
<tool>-<N>.out (casebook's summary line), <tool>-<N>.html (HTML files), mvn-validate.json.
With interleaved runs (run.sh INTERLEAVE=1) it also prints each round's casebook/Hugo ratio.
"""
import json, os, re, statistics, sys

res, ns, tools = sys.argv[1], sys.argv[2].split(), sys.argv[3].split()
LABEL = {"maven": "casebook via mvn exec:java", "direct": "casebook java -cp (direct)",
         "appcds": "casebook direct + AppCDS", "hugo": "hugo (run_hugo.sh)"}


def read(path):
    try:
        with open(os.path.join(res, path)) as f:
            return f.read()
    except OSError:
        return None


def times(tool, n):
    j = read(f"{tool}-{n}.json")
    if not j:
        return None
    r = json.loads(j)["results"][0]
    return r["times"], r.get("exit_codes") or []


def interleaved(tool, n):
    j = read(f"{tool}-{n}.json")
    return bool(j) and json.loads(j)["results"][0].get("interleaved", False)


med = {}
print(open(os.path.join(res, "env.txt")).read().strip())
print()
print("| command | N bundles (pages) | runs | median wall s | min-max s | pages/s | peak RSS MiB | in-JVM build ms | HTML files | failed runs |")
print("|---|---|---|---|---|---|---|---|---|---|")
for n in ns:
    pages = 2 * int(n)
    for tool in tools:
        t = times(tool, n)
        if t is None:
            continue
        ts, codes = t
        m = statistics.median(ts)
        med[(tool, n)] = m
        rss = (read(f"{tool}-{n}.rss") or "").split()
        rss_mib = f"{int(rss[1]) / 1024:.0f}" if len(rss) >= 2 and rss[1].isdigit() else "-"
        if len(rss) >= 3 and rss[2] != "0":
            rss_mib += f" (exit {rss[2]})"
        out = read(f"{tool}-{n}.out") or ""
        mm = re.search(r"built (\d+) pages .* in (\d+) ms", out)
        jvm = mm.group(2) if mm else "-"
        html = (read(f"{tool}-{n}.html") or "-").strip()
        bad = sum(1 for c in codes if c not in (0, None))
        print(f"| {LABEL.get(tool, tool)} | {n} ({pages}) | {len(ts)} | {m:.2f} | {min(ts):.2f}-{max(ts):.2f} | "
              f"{pages / m:.0f} | {rss_mib} | {jvm} | {html} | {bad} |")

v = read("mvn-validate.json")
if v:
    vt = json.loads(v)["results"][0]["times"]
    print(f"\nMaven's own start (`mvn -q validate`): median {statistics.median(vt):.2f} s ({len(vt)} runs)")

print("\n| command | " + " | ".join(f"t/t_hugo at N={n}" for n in ns) + " | t(N=" + ns[-1] + ")/t(N=" + ns[0] + ") |")
print("|---|" + "---|" * (len(ns) + 1))
for tool in tools:
    cells = []
    for n in ns:
        a, h = med.get((tool, n)), med.get(("hugo", n))
        cells.append(f"{a / h:.2f}" if a and h else "-")
    a, b = med.get((tool, ns[0])), med.get((tool, ns[-1]))
    cells.append(f"{b / a:.1f}" if a and b and len(ns) > 1 else "-")
    print(f"| {LABEL.get(tool, tool)} | " + " | ".join(cells) + " |")

# runs made side by side (INTERLEAVE=1): each round's own ratio, so the spread is the machine's, not the order's
rows = []
for tool in tools:
    if tool == "hugo" or "hugo" not in tools:  # never against a Hugo file left by an earlier run
        continue
    for n in ns:
        if not (interleaved(tool, n) and interleaved("hugo", n)):
            continue
        a, h = times(tool, n)[0], times("hugo", n)[0]
        if len(a) != len(h):
            continue
        ratios = sorted(x / y for x, y in zip(a, h))
        rows.append(f"| {LABEL.get(tool, tool)} | {n} | " + ", ".join(f"{r:.2f}" for r in ratios) + " |")
if rows:
    print("\n| command | N | t/t_hugo of each round, sorted |")
    print("|---|---|---|")
    print("\n".join(rows))
