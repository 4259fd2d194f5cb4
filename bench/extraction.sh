#!/usr/bin/env bash
# Article extraction: newsconv beside trafilatura on the article-extraction benchmark's pages.
#
#   bench/extraction.sh path/to/release/newsconv
#
# Reads ../shared/corpus/extraction (61 real pages with hand-made article text), converts every
# page with newsconv (one process per page) and with trafilatura 2.3.1 (its defaults, in one Python
# process), and prints Markdown table rows: F1, precision and recall of each, scored as the
# benchmark scores (word 4-gram shingles per page, averaged over pages; bench/extraction-score.py),
# and the time per page. trafilatura comes from `make deps-bench` (pip); without it, its column
# says so. `bench/extraction-score.py NEWSCONV ../shared/corpus/extraction` prints the longer
# report: worst pages, and the scores on the third of the pages held out while the rules were made.
set -euo pipefail
binary="${1:?usage: bench/extraction.sh path/to/release/newsconv}"
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$root/../shared/corpus/extraction"
[ -f "$corpus/ground-truth.json" ] || { echo "bench/extraction.sh: $corpus is missing (../shared/corpus)" >&2; exit 1; }
command -v python3 > /dev/null || { echo "bench/extraction.sh: python3 is not installed" >&2; exit 1; }
python3 "$root/bench/extraction-score.py" "$binary" "$corpus" --markdown
