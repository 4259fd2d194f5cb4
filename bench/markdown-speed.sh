#!/bin/sh
# Markdown to HTML speed on a ~4 MB document (the CommonMark spec repeated): newsconv against
# cmark and pandoc, with peak memory. Prints Markdown table rows.
# Usage: bench/markdown-speed.sh path/to/release/newsconv
set -eu
BIN=${1:?usage: $0 path/to/release/newsconv}
HERE=$(cd "$(dirname "$0")" && pwd)
SPEC=${SPEC:-$HERE/../../shared/corpus/commonmark/commonmark-spec-0.31.2.txt}
[ -f "$SPEC" ] || { echo "the CommonMark spec is needed: $SPEC (set SPEC=...)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 1; }
exec python3 - "$BIN" "$SPEC" <<'PY'
import json, os, resource, shutil, subprocess, sys, tempfile, time

binary, spec = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp()
doc = os.path.join(tmp, "spec-repeated.md")
text = open(spec, encoding="utf-8").read()
copies = (4 * 1024 * 1024) // len(text.encode()) + 1
# A first line keeps the spec's own front matter from being read as newsconv metadata.
with open(doc, "w", encoding="utf-8") as f:
    f.write("# The CommonMark spec, repeated\n\n" + text * copies)
size = os.path.getsize(doc)

tools = [("newsconv", [binary, "-f", "markdown", "-t", "html", "--fragment", doc], 10)]
if shutil.which("cmark"):
    tools.append(("cmark", ["cmark", "--unsafe", doc], 10))
if shutil.which("pandoc"):
    tools.append(("pandoc -f commonmark", ["pandoc", "-f", "commonmark", "-t", "html", doc], 1))

def peak_rss_mb(argv):
    """Peak resident memory of one run, in MB."""
    if os.path.exists("/usr/bin/time"):
        r = subprocess.run(["/usr/bin/time", "-v"] + argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for line in r.stderr.splitlines():
            if "Maximum resident set size" in line:
                return int(line.split(":")[1]) / 1024
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(argv, stdout=subprocess.DEVNULL)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

def mean_seconds(argv, runs):
    if shutil.which("hyperfine"):
        out = os.path.join(tmp, "hyperfine.json")
        cmd = " ".join("'" + a.replace("'", "'\\''") + "'" for a in argv)
        subprocess.run(["hyperfine", "--style", "none", "--warmup", "1" if runs > 1 else "0", "--runs", str(runs),
                        "--export-json", out, cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        result = json.load(open(out))["results"][0]
        return result["mean"], result.get("user"), result.get("system")
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, None, None

results = {}
print("| %s | time | throughput | CPU (user+sys) | peak memory |" % ("%.1f MB Markdown to HTML" % (size / 1e6)))
print("| --- | ---: | ---: | ---: | ---: |")
for name, argv, runs in tools:
    seconds, user, system = mean_seconds(argv, runs)
    cpu = (user or 0) + (system or 0)
    results[name] = (seconds, cpu)
    print("| %s | %.3f s | %.1f MB/s | %s | %.0f MB |" % (name, seconds, size / 1e6 / seconds,
          ("%.3f s" % cpu) if user is not None else "", peak_rss_mb(argv)))
if "cmark" in results:
    ours, theirs = results["newsconv"], results["cmark"]
    print("| newsconv / cmark throughput | %.0f%% | | %s | |" % (100 * theirs[0] / ours[0],
          ("%.0f%% by CPU time" % (100 * theirs[1] / ours[1])) if ours[1] else ""))
    a = subprocess.run(tools[0][1], stdout=subprocess.PIPE, check=True).stdout
    b = subprocess.run(["cmark", "--unsafe", doc], stdout=subprocess.PIPE, check=True).stdout
    print("| same HTML as cmark --unsafe | %s | | | |" % ("yes" if a == b else "NO"))
shutil.rmtree(tmp)
PY
