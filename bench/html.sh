#!/usr/bin/env bash
# Reading a real news page: newsconv against pandoc, HTML to Markdown.
#
#   bench/html.sh path/to/release/newsconv
#
# Converts ../shared/corpus/html/nytimes-1/source.html (a 300 KB New York Times page) with
# hyperfine and prints Markdown table rows: | benchmark | newsconv | pandoc | ratio |.
# newsconv writes Markdown when it has a Markdown writer, else JSON (said in the row).
# pandoc runs with --sandbox so it does not try to fetch the page's remote resources.
set -euo pipefail
export LC_ALL=C
binary="${1:?usage: bench/html.sh path/to/release/newsconv}"
root="$(cd "$(dirname "$0")/.." && pwd)"
page="$root/../shared/corpus/html/nytimes-1/source.html"
[ -f "$page" ] || { echo "bench/html.sh: $page is missing (../shared/corpus)" >&2; exit 1; }
command -v hyperfine > /dev/null || { echo "bench/html.sh: hyperfine is not installed" >&2; exit 1; }
command -v pandoc > /dev/null || { echo "bench/html.sh: pandoc is not installed" >&2; exit 1; }

to=json
if "$binary" --list-formats | awk '$1 == "markdown" && $3 == "yes" { found = 1 } END { exit !found }'; then to=markdown; fi

json="$(mktemp)"
trap 'rm -f "$json"' EXIT
hyperfine --style none --warmup 3 --min-runs 20 --export-json "$json" \
    -n newsconv "$binary $page -f html -t $to -o /dev/null" \
    -n pandoc "pandoc --sandbox -f html -t markdown $page -o /dev/null" > /dev/null 2>&1

# Mean wall-clock times in milliseconds, newsconv first.
read -r ours theirs < <(awk '/"mean":/ { gsub(/[",]/, "", $2); printf "%s ", $2 * 1000 } END { print "" }' "$json")
awk -v ours="$ours" -v theirs="$theirs" -v to="$to" -v size="$(wc -c < "$page")" 'BEGIN {
    printf "| HTML page → %s (nytimes-1, %d KB) | %.1f ms | %.1f ms | %.0f× faster |\n", (to == "json" ? "JSON" : "Markdown"), size / 1024, ours, theirs, theirs / ours
}'
