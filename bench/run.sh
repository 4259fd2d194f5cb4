#!/usr/bin/env bash
# Side-by-side benchmarks: newsconv beside pandoc (and cmark where it applies), measured in
# this run with hyperfine, printed as ONE Markdown table.
#
#   bench/run.sh BINARY          (make bench builds .build/release/newsconv and calls this)
#
# Per-story rows time one conversion, process start included. Batch rows convert 1,000 stories
# in one --output-dir run and publish the Examples newsroom with make -j2. The last column is
# newsconv's peak memory (maximum resident set size, from /usr/bin/time). Rows whose newsconv
# formats are not available yet say so. Other bench/*.sh scripts (run as `SCRIPT BINARY`, printing
# Markdown table rows) are run too and their rows join the table.
#
# Ratios are of mean wall-clock times, with the ratio of CPU times (user + system) in brackets:
# on a machine shared with other work the CPU figure is the steadier one.
#
# Environment: BENCH_RUNS (default: hyperfine's own, at least 10 runs and 3 s per command),
# BENCH_BATCH (stories in the batch row, default 1000), BENCH_BIG_MB (size of the large Markdown
# document, default 4), BENCH_BIG_PANDOC_RUNS (pandoc's runs on it, default 1).
set -euo pipefail

if [ $# -ne 1 ]; then echo "usage: bench/run.sh path/to/newsconv" >&2; exit 64; fi
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
[ -x "$bin" ] || { echo "bench/run.sh: $1 is not an executable newsconv (run make first)" >&2; exit 66; }
command -v hyperfine >/dev/null || { echo "bench/run.sh: hyperfine is not installed (make deps-bench)" >&2; exit 69; }
cd "$root"

work=$(mktemp -d "${TMPDIR:-/tmp}/newsconv-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
corpus=../shared/corpus
batch=${BENCH_BATCH:-1000}
big_mb=${BENCH_BIG_MB:-4}
big_runs=${BENCH_BIG_PANDOC_RUNS:-1}
runs=()
[ -n "${BENCH_RUNS:-}" ] && runs=(--runs "$BENCH_RUNS")
has() { command -v "$1" >/dev/null 2>&1; }
notes=()
note() { notes+=("$*"); }

# --- what this newsconv can do -------------------------------------------------------------------
formats=$("$bin" --list-formats)
can() {  # can read|write FORMAT
  local column=2; [ "$1" = write ] && column=3
  [ "$(awk -v f="$2" -v c="$column" '$1 == f { print $c }' <<<"$formats")" = yes ]
}
needs() {  # needs read:text write:epub … → prints what is missing, if anything
  local missing=() want
  for want in "$@"; do can "${want%%:*}" "${want#*:}" || missing+=("${want%%:*} ${want#*:}"); done
  [ ${#missing[@]} -eq 0 ] || echo "${missing[*]}"
}

# --- formatting ----------------------------------------------------------------------------------
seconds() { awk -v s="$1" 'BEGIN {
  if (s < 0.001) printf "%.0f µs", s * 1e6; else if (s < 0.1) printf "%.1f ms", s * 1e3;
  else if (s < 10) { if (s < 1) printf "%.0f ms", s * 1e3; else printf "%.2f s", s } else printf "%.1f s", s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { r = a / b; if (r < 1) printf "%.2f×", r; else if (r < 10) printf "%.1f×", r; else printf "%.0f×", r }'; }
memory() { [ -n "$1" ] && awk -v k="$1" 'BEGIN { if (k < 10240) printf "%.1f MB", k / 1024; else printf "%.0f MB", k / 1024 }' || echo "–"; }

# Mean wall-clock time, and mean CPU time (user + system), in seconds of a named command in a
# hyperfine CSV export (command,mean,stddev,median,user,system,min,max).
mean() { awk -F, -v n="$2" 'NR > 1 && $1 == n { print $2 }' "$1"; }
cpu() { awk -F, -v n="$2" 'NR > 1 && $1 == n { print $5 + $6 }' "$1"; }

# Peak resident memory (KB) of one run of a command, or empty without GNU time.
peak() {
  [ -x /usr/bin/time ] || return 0
  /usr/bin/time -f %M -o "$work/peak" "$@" >/dev/null 2>"$work/peak.err" || { cat "$work/peak.err" >&2; return 0; }
  tail -n 1 "$work/peak"
}

rows=()
targets_failed=()
measured=0
row() { rows+=("| $* |"); }

# Times `newsconv …` beside `pandoc …` (and `cmark …`) for one per-story conversion.
#   compare LABEL NEEDS [big] -- NEWSCONV-ARGS -- PANDOC-ARGS [-- CMARK-ARGS]
# (`big` marks a row that is not a per-story conversion, so the 6× target does not apply.)
compare() {
  local label=$1 needed=$2 kind=""; shift 2
  if [ "$1" != -- ]; then kind=$1; shift; fi
  shift
  local nc=() pd=() cm=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do nc+=("$1"); shift; done; shift
  while [ $# -gt 0 ] && [ "$1" != -- ]; do pd+=("$1"); shift; done
  if [ $# -gt 0 ]; then shift; cm=("$@"); fi
  local missing; missing=$(needs $needed)
  if [ -n "$missing" ]; then row "$label | n/a (format not yet supported: $missing) | | | | | "; return; fi
  if ! "$bin" "${nc[@]}" >/dev/null 2>"$work/err"; then
    row "$label | failed: $(head -n 1 "$work/err") | | | | | "; return
  fi
  local commands=(-n newsconv "$(printf '%q ' "$bin" "${nc[@]}")") slow=()
  if has pandoc; then
    # pandoc on the large document takes many seconds a run: timed on its own, $big_runs run(s).
    if [ "$kind" = big ]; then slow=(-n pandoc "$(printf '%q ' pandoc "${pd[@]}")")
    else commands+=(-n pandoc "$(printf '%q ' pandoc "${pd[@]}")"); fi
  fi
  [ ${#cm[@]} -gt 0 ] && has cmark && commands+=(-n cmark "$(printf '%q ' cmark "${cm[@]}")")
  hyperfine -N --warmup 2 "${runs[@]}" --style none --export-csv "$work/r.csv" "${commands[@]}" >/dev/null 2>"$work/hf.err" \
    || { row "$label | failed: $(tail -n 1 "$work/hf.err") | | | | | "; return; }
  if [ ${#slow[@]} -gt 0 ]; then
    hyperfine -N --runs "$big_runs" --style none --export-csv "$work/slow.csv" "${slow[@]}" >/dev/null 2>"$work/hf.err" \
      && tail -n +2 "$work/slow.csv" >>"$work/r.csv"
  fi
  local n p c; n=$(mean "$work/r.csv" newsconv); p=$(mean "$work/r.csv" pandoc); c=$(mean "$work/r.csv" cmark)
  local pcell="–" pratio="–" ccell="–" cratio="–"
  measured=$((measured + 1))
  if [ -n "$p" ]; then
    pcell=$(seconds "$p"); pratio="$(ratio "$p" "$n") (CPU $(ratio "$(cpu "$work/r.csv" pandoc)" "$(cpu "$work/r.csv" newsconv)"))"
    if [ "$kind" != big ] && awk -v p="$p" -v n="$n" 'BEGIN { exit !(p < 6 * n) }'; then targets_failed+=("$label: $pratio faster than pandoc (target 6×)"); fi
  fi
  [ -n "$c" ] && { ccell=$(seconds "$c"); cratio="$(ratio "$c" "$n") (CPU $(ratio "$(cpu "$work/r.csv" cmark)" "$(cpu "$work/r.csv" newsconv)"))"; }
  row "$label | $(seconds "$n") | $pcell | $pratio | $ccell | $cratio | $(memory "$(peak "$bin" "${nc[@]}")")"
}

echo "Measuring newsconv $("$bin" --version) ($bin) with hyperfine $(hyperfine --version | awk '{print $2}')," \
     "$(has pandoc && pandoc --version | head -n 1 || echo 'no pandoc'), $(has cmark && cmark --version | head -n 1 | awk '{print $1, $2}' || echo 'no cmark')." >&2
has pandoc || note "pandoc is not installed: its columns are empty (make deps-bench)."
has cmark || note "cmark is not installed: its columns are empty (make deps-bench)."
[ -x /usr/bin/time ] || note "GNU time (/usr/bin/time) is not installed: no peak memory (make deps-bench)."

# --- inputs --------------------------------------------------------------------------------------
wire=Examples/stories/harbour-strike.txt
story_md=Examples/stories/rooftop-gardens.md
item=Examples/stories/wind-farm-vote.xml
page=$corpus/html/nytimes-1/source.html
o=$work/out; mkdir -p "$o"

# The Markdown equivalent of the NewsML-G2 item, for pandoc (which has no NewsML-G2 reader).
item_md=$work/wind-farm-vote.md
if [ -z "$(needs read:newsml write:markdown)" ]; then "$bin" "$item" -q -t markdown -o "$item_md" || true; fi

# A ~4 MB Markdown document: the Examples' Markdown stories, front matter removed, repeated.
big=$work/big.md
for f in Examples/stories/*.md; do awk 'NR == 1 && /^---$/ { fm = 1; next } fm && /^---$/ { fm = 0; next } !fm' "$f"; echo; done >"$work/chunk.md"
for i in $(seq 16); do cat "$work/chunk.md"; done >"$work/block.md"
printf -- '---\ntitle: Four megabytes of news\n---\n\n' >"$big"
while [ "$(stat -c %s "$big")" -lt $((big_mb * 1024 * 1024)) ]; do cat "$work/block.md" >>"$big"; done

# --- per story -----------------------------------------------------------------------------------
compare "text → EPUB ($(basename "$wire"))" "read:text write:epub" -- \
  "$wire" -q -o "$o/a.epub" -- \
  -f markdown "$wire" --quiet -M title=Story -o "$o/p.epub"
compare "text → HTML ($(basename "$wire"))" "read:text write:html" -- \
  "$wire" -q -o "$o/a.html" -- \
  -f markdown "$wire" --quiet -s -M title=Story -o "$o/p.html"
compare "Markdown → HTML ($(basename "$story_md"); cmark: body only)" "read:markdown write:html" -- \
  "$story_md" -q -o "$o/b.html" -- \
  -f markdown "$story_md" --quiet -s -o "$o/p2.html" -- \
  "$story_md"
if [ -f "$page" ]; then
  compare "HTML page → Markdown (nytimes-1, $(($(wc -c <"$page") / 1024)) KB)" "read:html write:markdown" -- \
    "$page" -q -t markdown -o "$o/c.md" -- \
    -f html "$page" --quiet -t markdown -o "$o/p3.md"
else
  row "HTML page → Markdown (nytimes-1) | skipped: $page is absent | | | | | "
fi
if [ -z "$(needs read:newsml write:epub)" ] && [ ! -s "$item_md" ]; then
  row "NewsML-G2 → EPUB ($(basename "$item")) | n/a (needs newsml → markdown for pandoc's input) | | | | | "
else
  compare "NewsML-G2 → EPUB ($(basename "$item"); pandoc: its Markdown equivalent)" "read:newsml write:epub" -- \
    "$item" -q -o "$o/d.epub" -- \
    -f markdown "$item_md" --quiet -o "$o/p4.epub"
fi
compare "$(awk -v b="$(stat -c %s "$big")" 'BEGIN { printf "%.1f", b / 1048576 }') MB Markdown → HTML body (pandoc -f gfm, $big_runs run)" "read:markdown write:html" big -- \
  "$big" -q --fragment -o "$o/e.html" -- \
  -f gfm "$big" --quiet -o "$o/p5.html" -- \
  "$big"

# --- batch: 1,000 stories in one run ---------------------------------------------------------------
missing=$(needs read:text write:epub)
if [ -n "$missing" ]; then
  row "batch: $(printf "%'d" "$batch") stories → EPUB, one --output-dir run | n/a (format not yet supported: $missing) | | | | | "
else
  mkdir -p "$work/batch"
  sources=(Examples/stories/*.txt)
  for ((i = 0; i < batch; i++)); do cp "${sources[i % ${#sources[@]}]}" "$(printf '%s/batch/story-%04d.txt' "$work" "$i")"; done
  # Every run writes into a new folder: deleting a thousand files between runs would make the
  # file system, not newsconv, the thing measured.
  batch_cmd="$(printf '%q ' "$bin") $work/batch/*.txt -q -t epub --output-dir \$(mktemp -d $work/batch-out.XXXXXX)"
  hyperfine --warmup 1 --runs "${BENCH_RUNS:-5}" --style none \
    --export-csv "$work/b.csv" -n newsconv "$batch_cmd" >/dev/null 2>"$work/hf.err" || cat "$work/hf.err" >&2
  n=$(mean "$work/b.csv" newsconv); n_cpu=$(cpu "$work/b.csv" newsconv)
  mem=""; [ -x /usr/bin/time ] && mem=$(/usr/bin/time -f %M bash -c "$batch_cmd" 2>&1 >/dev/null | tail -n 1)
  rm -rf "$work"/batch-out.*
  rate=$(awk -v n="$n" -v b="$batch" 'BEGIN { printf "%.0f", b / n }')
  cpu_rate=$(awk -v n="$n_cpu" -v b="$batch" 'BEGIN { printf "%.0f", b / n }')
  measured=$((measured + 1))
  [ "$rate" -ge 500 ] || targets_failed+=("batch: $rate stories/s (target 500)")
  pcell="–" pratio="–"
  if has pandoc; then
    # pandoc converts one file per process: time a loop over 25 of the stories and scale up.
    sample=25; loop="for f in \$(ls $work/batch/*.txt | head -n $sample); do pandoc -f markdown \"\$f\" --quiet -M title=Story -o $work/p-batch.epub; done"
    hyperfine --runs 1 --style none --export-csv "$work/pb.csv" -n pandoc "$loop" >/dev/null 2>&1 || true
    p=$(mean "$work/pb.csv" pandoc)
    if [ -n "$p" ]; then
      total=$(awk -v p="$p" -v s="$sample" -v b="$batch" 'BEGIN { print p / s * b }')
      pcell="$(seconds "$total") ($(awk -v t="$total" -v b="$batch" 'BEGIN { printf "%.0f", b / t }') stories/s; one process per story, $sample timed)"
      pratio=$(ratio "$total" "$n")
    fi
  fi
  row "batch: $(printf "%'d" "$batch") stories → EPUB, one --output-dir run | $(seconds "$n") ($rate stories/s; CPU $(seconds "$n_cpu"), $cpu_rate stories/s) | $pcell | $pratio | – | – | $(memory "$mem")"
fi

# --- batch: the Examples newsroom with make -j2 ----------------------------------------------------
if ! has make; then
  row "Examples newsroom, make -j2 | skipped: make is not installed | | | | | "
else
  ex=$work/examples; mkdir -p "$ex"
  (cd Examples && tar --exclude=./out --exclude=./LibraryUse -cf - .) | (cd "$ex" && tar -xf -)
  unreadable=() readable=()
  for f in "$ex"/stories/*.txt "$ex"/stories/*.md "$ex"/stories/*.html "$ex"/stories/*.xml; do
    case $f in *.txt) fmt=text;; *.md) fmt=markdown;; *.html) fmt=html;; *.xml) fmt=newsml;; esac
    if can read $fmt; then readable+=("stories/$(basename "$f")"); else unreadable+=("$(basename "$f")"); fi
  done
  missing=$(needs write:html write:newsml write:epub)
  make_args=(-s -C "$ex" -j2 "NEWSCONV=$bin")
  label="Examples newsroom ($(ls "$ex"/stories/*.{txt,md,html,xml} | wc -l) sources), make -j2 after make clean"
  if [ -n "$missing" ] || [ ${#unreadable[@]} -gt 0 ]; then
    make_args+=("SOURCES=${readable[*]}" json)
    label="Examples newsroom, make -j2 json only (${#readable[@]} sources; not yet:${missing:+ $missing;} reading ${#unreadable[@]} sources)"
  fi
  make_cmd="make $(printf '%q ' "${make_args[@]}")"
  if hyperfine --runs "${BENCH_RUNS:-5}" --style none --prepare "make -s -C $ex clean" --export-csv "$work/m.csv" \
       -n make "$make_cmd" >/dev/null 2>"$work/hf.err"; then
    n=$(mean "$work/m.csv" make)
    stories=$(cat "$ex"/out/json/*.json | grep -c '"body" :' || true)
    make -s -C "$ex" clean
    mem=""; [ -x /usr/bin/time ] && mem=$(/usr/bin/time -f %M bash -c "$make_cmd" 2>&1 >/dev/null | tail -n 1)
    row "$label | $(seconds "$n") ($stories stories, $(awk -v n="$n" -v s="$stories" 'BEGIN { printf "%.0f", s / n }') stories/s) | – | – | – | – | $(memory "$mem")"
  else
    row "$label | failed: $(grep -m 1 -E 'newsconv:|Error' "$work/hf.err" || tail -n 1 "$work/hf.err") | | | | | "
  fi
fi

# --- the per-format scripts --------------------------------------------------------------------------
merge_rows='
function trim(x) { gsub(/^[ \t]+|[ \t]+$/, "", x); return x }
function issep(x) { return x ~ /^\|[ \t:|-]+\|?[ \t]*$/ }
function secs(cell,   m) {
  if (!match(cell, /[0-9]+(\.[0-9]+)?[ ]*(± [0-9.]+ *)?(µs|us|ms|s)([^a-z]|$)/)) return 0
  m = substr(cell, RSTART, RLENGTH)
  if (m ~ /µs|us/) return m * 1e-6; if (m ~ /ms/) return m * 1e-3; return m + 0
}
function ratio(a, b,   r) { if (a <= 0 || b <= 0) return "–"; r = a / b; return (r < 1) ? sprintf("%.2f×", r) : (r < 10) ? sprintf("%.1f×", r) : sprintf("%.0f×", r) }
# The ratio of a time given as a bound (`> 10 s`) is a bound too.
function bound(cell, r) { return (cell ~ /^[ ]*>/ && r != "–") ? "≥ " r : r }
function defaults() { delete role; role[1] = "label"; role[2] = "newsconv"; role[3] = "pandoc"; role[4] = "ratio"; timecol = 0 }
# A table with one row per tool (| case | time | … | peak memory |, rows newsconv, cmark, pandoc …)
# becomes one row; its other rows are kept beside the case.
function flush() {
  if (ghas) printf "| %s [%s] | %s | %s | %s | %s | %s | %s |\n", glabel (gextra == "" ? "" : " (" gextra ")"), script,
    (gnc == "" ? "–" : gnc), (gpd == "" ? "–" : gpd), ratio(secs(gpd), secs(gnc)), (gcm == "" ? "–" : gcm),
    ratio(secs(gcm), secs(gnc)), (gmem == "" ? "–" : gmem)
  ghas = 0; glabel = ""; gextra = ""; gnc = ""; gpd = ""; gcm = ""; gmem = ""
}
function header(x,   n, c, cell, k) {
  flush(); delete role; timecol = 0; memcol = 0; n = split(x, cell, "|"); glabel = trim(cell[2])
  for (c = 2; c < n; c++) {
    k = tolower(trim(cell[c]))
    if (k ~ /^(newsconv|pandoc|cmark)( time| \(.*\))?$/) { sub(/ .*/, "", k); role[c - 1] = k }
    else if (k ~ /÷|ratio|×| \/ /) role[c - 1] = "ratio"
    else role[c - 1] = "label"
    if (k == "time") timecol = c; if (k ~ /memory/) memcol = c
  }
}
function row(x,   n, c, cell, v, label, extra, nc, pd, cm, hasnc, tool) {
  n = split(x, cell, "|"); label = ""; extra = ""; nc = ""; pd = ""; cm = ""; hasnc = 0
  tool = tolower(trim(cell[2]))
  if (timecol && tool ~ /^(newsconv|pandoc|cmark)( -.*| \(.*\))?$/) {
    sub(/ .*/, "", tool); ghas = 1
    if (tool == "newsconv") { gnc = trim(cell[timecol]); if (memcol) gmem = trim(cell[memcol]) }
    else if (tool == "pandoc") { gpd = trim(cell[timecol]); glabel = glabel " (pandoc: " trim(cell[2]) ")" }
    else gcm = trim(cell[timecol])
    return
  }
  if (ghas) {
    v = trim(cell[2]) ":"
    for (c = 3; c < n; c++) if (trim(cell[c]) != "") v = v " " trim(cell[c])
    gextra = gextra (gextra == "" ? "" : "; ") v
    return
  }
  for (c in role) if (role[c] == "newsconv") hasnc = 1
  for (c = 2; c < n; c++) {
    v = trim(cell[c])
    if (role[c - 1] == "newsconv" || (!hasnc && nc == "" && label != "" && secs(v) > 0)) nc = v
    else if (role[c - 1] == "pandoc") pd = v
    else if (role[c - 1] == "cmark") cm = v
    else if (role[c - 1] == "ratio" && v ~ /^[0-9.]+ ?×$/) continue
    else if (label == "") label = v
    else if (v != "") extra = extra (extra == "" ? "" : "; ") v
  }
  if (extra != "") label = label " (" extra ")"
  printf "| %s [%s] | %s | %s | %s | %s | %s | – |\n", label, script, (nc == "" ? "–" : nc), (pd == "" ? "–" : pd),
    bound(pd, ratio(secs(pd), secs(nc))), (cm == "" ? "–" : cm), bound(cm, ratio(secs(cm), secs(nc)))
}
{ line[NR] = $0 }
END {
  defaults()
  for (i = 1; i <= NR; i++) {
    if (issep(line[i])) continue
    if (i < NR && issep(line[i + 1])) { header(line[i]); continue }
    if (line[i] ~ /^\|/) row(line[i]); else if (trim(line[i]) != "") print "NOTE\t" line[i]
  }
  flush()
}'
for script in bench/*.sh; do
  [ "$script" = bench/run.sh ] && continue
  [ -x "$script" ] || { note "$script is not executable; skipped."; continue; }
  if ! "$script" "$bin" >"$work/script.out" 2>"$work/script.err"; then
    note "$script failed: $(tail -n 1 "$work/script.err")"
  fi
  # Rows join the table: a header row (the row before a |---| separator) says which column holds
  # newsconv's, pandoc's and cmark's times (else: case, newsconv, pandoc, ratio, …); ratios are
  # recomputed; other cells are kept beside the case's name; lines outside the table become notes.
  while IFS= read -r line; do
    case $line in
      NOTE$'\t'*) note "$script: ${line#NOTE$'\t'}" ;;
      *) rows+=("$line") ;;
    esac
  done < <(awk -v script="$(basename "$script")" "$merge_rows" "$work/script.out")
done

# --- the table -----------------------------------------------------------------------------------------
echo
echo "| conversion | newsconv | pandoc | pandoc ÷ newsconv | cmark | cmark ÷ newsconv | newsconv peak memory |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
echo
echo "Machine: $(nproc) × $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || uname -m)," \
     "$(awk '/MemTotal/ { printf "%.0f GB RAM", $2 / 1048576 }' /proc/meminfo 2>/dev/null)," \
     "$( (. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME") || uname -s), $(uname -r)."
for n in "${notes[@]}"; do echo "Note: $n"; done
if [ "$measured" -eq 0 ]; then
  echo "Targets (per story ≥ 6× faster than pandoc; batch ≥ 500 stories/s): nothing measured yet."
elif [ ${#targets_failed[@]} -eq 0 ]; then
  echo "Targets (per story ≥ 6× faster than pandoc; batch ≥ 500 stories/s): met by every measured row."
else
  for t in "${targets_failed[@]}"; do echo "Target missed: $t"; done
fi
