#!/bin/sh
# bench/epub.sh BINARY — the headline EPUB use, `newsconv story.txt -o story.epub`, against
# `pandoc story.txt -o story.epub` on the same corpus story (pandoc reads it as Markdown).
# Process start is included. Prints Markdown table rows:
#   | case | newsconv | pandoc | newsconv / pandoc | target | CPU (user+sys) newsconv / pandoc |
# The CPU column is a check that does not depend on how busy the machine is.
# Environment: STORY (default: the AP story of ../shared/corpus), RUNS (default 50).
set -eu
[ $# -ge 1 ] || { echo "usage: $0 path/to/release/newsconv" >&2; exit 64; }
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
story=${STORY:-$here/../../shared/corpus/stories/ap-baghdad-embassy.txt}
runs=${RUNS:-50}
for tool in hyperfine pandoc; do
    command -v "$tool" >/dev/null || { echo "bench/epub.sh: $tool is not installed" >&2; exit 69; }
done
[ -f "$story" ] || { echo "bench/epub.sh: no story at $story (set STORY=...)" >&2; exit 66; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$story" "$work/story.txt"
cd "$work"
# Fixed clock, so every run writes the same book.
export SOURCE_DATE_EPOCH=1700000000
"$bin" -q story.txt -o story.epub
hyperfine -N --style none --warmup 5 --runs "$runs" --export-csv times.csv \
    "$bin -q story.txt -o story.epub" \
    "pandoc -f markdown story.txt -o pandoc.epub" >/dev/null 2>&1

# times.csv: command,mean,stddev,median,user,system,min,max (seconds)
awk -F, -v name="$(basename "$story")" '
    NR == 2 { ours = $2; ours_sd = $3; ours_cpu = $5 + $6 }
    NR == 3 { theirs = $2; theirs_sd = $3; theirs_cpu = $5 + $6 }
    END {
        ratio = ours / theirs
        printf "| epub: `newsconv %s -o story.epub` vs pandoc | %.1f ± %.1f ms | %.1f ± %.1f ms | %.3f× | ≤ 0.15× %s | %.1f / %.1f ms = %.3f× |\n",
            name, ours * 1000, ours_sd * 1000, theirs * 1000, theirs_sd * 1000, ratio, (ratio <= 0.15 ? "met" : "MISSED"),
            ours_cpu * 1000, theirs_cpu * 1000, ours_cpu / theirs_cpu
    }' times.csv
