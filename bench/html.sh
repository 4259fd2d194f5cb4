#!/usr/bin/env bash
# Reading a real news page: newsconv against pandoc, HTML to Markdown.
#
#   bench/html.sh path/to/release/newsconv
#
# Converts ../shared/corpus/html/nytimes-1/source.html (a 300 KB New York Times page) with
# hyperfine and prints a Markdown table row: | benchmark | newsconv | pandoc | ratio |, the
# ratio of mean wall-clock times and of CPU times.
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
hyperfine --style none --warmup 5 --min-runs 30 --export-json "$json" \
    -n newsconv "$binary $page -f html -t $to -o /dev/null" \
    -n pandoc "pandoc --sandbox -f html -t markdown $page -o /dev/null" > /dev/null 2>&1

# Mean wall-clock and CPU (user + system) times in milliseconds, newsconv first. CPU time is
# the steadier figure on a machine shared with other work.
read -r ours theirs ours_cpu theirs_cpu < <(awk '
    /"mean":/ { gsub(/[",]/, "", $2); mean[n_mean++] = $2 * 1000 }
    /"user":/ { gsub(/[",]/, "", $2); user[n_user++] = $2 * 1000 }
    /"system":/ { gsub(/[",]/, "", $2); sys[n_sys++] = $2 * 1000 }
    END { print mean[0], mean[1], user[0] + sys[0], user[1] + sys[1] }' "$json")
awk -v ours="$ours" -v theirs="$theirs" -v oc="$ours_cpu" -v tc="$theirs_cpu" -v to="$to" -v size="$(wc -c < "$page")" 'BEGIN {
    printf "| HTML page → %s (nytimes-1, %d KB) | %.1f ms | %.1f ms | %.0f× faster (CPU %.1f ms vs %.1f ms: %.0f×) |\n", \
        (to == "json" ? "JSON" : "Markdown"), size / 1024, ours, theirs, theirs / ours, oc, tc, tc / oc
}'
