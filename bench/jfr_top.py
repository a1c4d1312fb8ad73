#!/usr/bin/env python3
"""Summarise a JFR recording's CPU samples (JDK 17's `jfr` has no `view hot-methods`).

usage: jfr_top.py FILE.jfr [N]

Prints, from jdk.ExecutionSample events (`jfr print --json`):
  * top N methods by self samples (top frame),
  * top N methods by inclusive samples (anywhere on the stack, counted once per sample),
  * a breakdown of samples by casebook stage / library (first matching frame, from the top:
    the deepest casebook or library frame that identifies the work),
and the GC summary (jdk.GarbageCollection total pause, jdk.GCHeapSummary max heap used).
"""
import collections, json, subprocess, sys

f = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 25

def events(kind, depth=64):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", str(depth), "--events", kind, f],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]

def name(fr):
    m = fr["method"]
    return (m["type"]["name"] + "." + m["name"]).replace("/", ".")

# Buckets: (label, predicate on the list of frame names, top first). First match, scanning rules in order.
RULES = [
    ("flexmark parse", lambda fs: any(x.startswith("com.vladsch.flexmark.parser.") or ".Parser.parse" in x for x in fs)
         and not any("HtmlRenderer" in x for x in fs)),
    ("flexmark render", lambda fs: any("com.vladsch.flexmark.html." in x for x in fs)),
    ("freemarker", lambda fs: any(x.startswith("freemarker.") for x in fs)),
    ("write files (AtomicPublisher)", lambda fs: any("AtomicPublisher" in x for x in fs)),
    ("translation checks", lambda fs: any("TranslationChecker" in x for x in fs)),
    ("link checks", lambda fs: any("LinkChecker" in x for x in fs)),
    ("page view model (PageRenderer)", lambda fs: any("casebook.theme.PageRenderer" in x for x in fs)),
    ("markdown other (casebook.markdown)", lambda fs: any(x.startswith("casebook.markdown.") for x in fs)),
    ("front matter / YAML", lambda fs: any(x.startswith("org.yaml.") or "casebook.frontmatter" in x or "SiteAssembler" in x for x in fs)),
    ("scan + decode", lambda fs: any("ContentScanner" in x or "TextDecoder" in x for x in fs)),
    ("diagnostics output", lambda fs: any("casebook.cli.Console" in x or "casebook.diag" in x for x in fs)),
    ("other casebook", lambda fs: any(x.startswith("casebook.") for x in fs)),
]

samples = events("jdk.ExecutionSample")
self_c, incl_c, bucket, threads = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
for e in samples:
    frames = [name(fr) for fr in (e["values"]["stackTrace"] or {}).get("frames", [])]
    if not frames:
        continue
    self_c[frames[0]] += 1
    for x in set(frames):
        incl_c[x] += 1
    for label, pred in RULES:
        if pred(frames):
            bucket[label] += 1
            break
    else:
        bucket["JVM/JDK (no casebook frame; truncated stack or startup)"] += 1
total = sum(bucket.values()) or 1
print(f"{total} CPU samples (jdk.ExecutionSample, Java threads only; GC/JIT threads are not sampled)\n")
print("by stage/library (first matching rule):")
for k, v in bucket.most_common():
    print(f"  {100*v/total:5.1f}%  {v:6d}  {k}")
print(f"\ntop {n} methods, self:")
for k, v in self_c.most_common(n):
    print(f"  {100*v/total:5.1f}%  {k}")
print(f"\ntop {n} methods, inclusive:")
for k, v in incl_c.most_common(n):
    print(f"  {100*v/total:5.1f}%  {k}")

try:
    gcs = events("jdk.GarbageCollection", 1)
    def secs(v):  # JSON durations look like "PT0.028918556S"
        v = str(v)
        return float(v[2:-1]) if v.startswith("PT") and v.endswith("S") else 0.0
    pause = sum(secs(e["values"]["sumOfPauses"]) for e in gcs)
    kinds = collections.Counter(e["values"]["name"] for e in gcs)
    print(f"\nGC: {len(gcs)} collections {dict(kinds)}, total pause {pause:.2f} s")
    heaps = events("jdk.GCHeapSummary", 1)
    used = max((e["values"]["heapUsed"] for e in heaps), default=0)
    print(f"GC: max heap used after/before a GC: {used/2**20:.0f} MiB")
except Exception as ex:  # the summary above is the point; GC details are best effort
    print("GC summary unavailable:", ex)
