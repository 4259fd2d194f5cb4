#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for FUZZ_SECONDS (default 600), one after the other.
#
#   Fuzz/run.sh [FORMAT...]        FORMAT: text markdown html newsml epub json (default: all)
#
# Environment: FUZZ_SECONDS (per target), FUZZ_FORMATS (used when no FORMAT is given),
# FUZZ_EXTRA_ARGS (more libFuzzer flags), SWIFT (the swift driver).
#
# Seeds: Fuzz/seeds/FORMAT/, Examples/stories/ (text), the regression fixtures
# Tests/Fixtures/fuzz-regressions/FORMAT/, and, when ../shared/corpus is present, its stories,
# CommonMark and GFM spec examples, HTML pages, NewsML-G2 items and EPUB (read at fuzz time,
# never copied into the repository). Work files go to out/fuzz/: corpus/FORMAT/ (grows from run
# to run), artifacts/FORMAT/, logs/FORMAT.log. Crashers (crash-, leak-, timeout-, oom-) are
# copied to Tests/Fixtures/fuzz-regressions/FORMAT/, where FuzzRegressionTests replays them.
# Exit status: 0 when no target found anything, 1 when one did, 2 on a build failure.
set -u
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
FUZZ_SECONDS=${FUZZ_SECONDS:-600}
SCRATCH=.build-fuzz
OUT=out/fuzz
SHARED=../shared/corpus
REGRESSIONS=Tests/Fixtures/fuzz-regressions

if [ $# -gt 0 ]; then formats=("$@"); else read -r -a formats <<< "${FUZZ_FORMATS:-text json markdown html newsml epub}"; fi

target_of() {
    case $1 in
        text) echo FuzzText ;; markdown) echo FuzzMarkdown ;; html) echo FuzzHTML ;;
        newsml) echo FuzzNewsML ;; epub) echo FuzzEPUB ;; json) echo FuzzJSON ;;
        *) echo "unknown format $1 (text markdown html newsml epub json)" >&2; return 1 ;;
    esac
}

# Largest input the fuzzer makes: room for structure in the markup formats and in a ZIP.
max_len_of() {
    case $1 in html|newsml|epub) echo 65536 ;; *) echo 16384 ;; esac
}

dict_of() {
    case $1 in
        text) echo Fuzz/dicts/text.dict ;; markdown) echo Fuzz/dicts/markdown.dict ;;
        html) echo Fuzz/dicts/html.dict ;; newsml|epub) echo Fuzz/dicts/xml.dict ;; json) echo Fuzz/dicts/json.dict ;;
    esac
}

# Seeds from ../shared/corpus, when present, into out/fuzz/shared-seeds/FORMAT/.
shared_seeds() {
    local format=$1 dir=$OUT/shared-seeds/$1
    [ -d "$SHARED" ] || return 0
    rm -rf "$dir"; mkdir -p "$dir"
    case $format in
        text) cp "$SHARED"/stories/*.txt "$dir"/ 2>/dev/null ;;
        markdown)
            cp "$SHARED"/peers/*.md "$dir"/ 2>/dev/null
            # Each spec example's Markdown half (→ stands for a tab) as a file of its own.
            for spec in "$SHARED"/commonmark/*.txt; do
                [ -f "$spec" ] || continue
                awk -v dir="$dir" -v stem="$(basename "$spec" .txt)" '
                    BEGIN { fence = "````````````````````````````````" " example" }
                    index($0, fence) == 1 { n++; inside = 1; file = sprintf("%s/%s-%04d.md", dir, stem, n); printf "" > file; next }
                    inside && /^\.$/ { inside = 0; close(file); next }
                    inside { gsub(/→/, "\t"); print >> file }' "$spec"
            done ;;
        html) for page in "$SHARED"/html/*/source.html; do
                  [ -f "$page" ] && cp "$page" "$dir/$(basename "$(dirname "$page")").html"
              done
              cp "$SHARED"/peers/*.html "$dir"/ 2>/dev/null ;;
        newsml) cp "$SHARED"/newsml-g2/examples/*.xml "$dir"/ 2>/dev/null ;;
        epub) cp "$SHARED"/peers/*.epub "$dir"/ 2>/dev/null ;;
    esac
    return 0
}

# Swift code (the library and its dependencies) and C code (Yams's libyaml) both get coverage
# instrumentation and AddressSanitizer; libxml2 and zlib are the system's, uninstrumented.
build() {
    local product=$1
    NEWSCONV_FUZZ=1 "$SWIFT" build -c release --scratch-path "$SCRATCH" --product "$product" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -g -Xcc -fsanitize=fuzzer-no-link,address 2>&1 \
        | grep -v "Cannot export local symbol" | grep -E "error|warning: unable|Compiling|Build of product|complete" | tail -5
    return "${PIPESTATUS[0]}"
}

status=0
summary=()
for format in "${formats[@]}"; do
    target=$(target_of "$format") || exit 2
    echo "== $format: building $target"
    build "$target" || { echo "build of $target failed"; exit 2; }
    binary=$SCRATCH/release/$target

    corpus=$OUT/corpus/$format
    artifacts=$OUT/artifacts/$format
    log=$OUT/logs/$format.log
    mkdir -p "$corpus" "$artifacts" "$OUT/logs"
    shared_seeds "$format"
    seeds=(Fuzz/seeds/"$format")
    [ "$format" = text ] && seeds+=(Examples/stories)
    [ -d "$REGRESSIONS/$format" ] && seeds+=("$REGRESSIONS/$format")
    [ -d "$OUT/shared-seeds/$format" ] && seeds+=("$OUT/shared-seeds/$format")

    echo "== $format: fuzzing for ${FUZZ_SECONDS}s (log: $log)"
    before=$(ls "$artifacts" | wc -l)
    # shellcheck disable=SC2086
    "$binary" -max_total_time="$FUZZ_SECONDS" -rss_limit_mb=2048 -timeout=10 -max_len="$(max_len_of "$format")" \
        -dict="$(dict_of "$format")" -artifact_prefix="$artifacts/" -print_final_stats=1 \
        ${FUZZ_EXTRA_ARGS:-} "$corpus" "${seeds[@]}" > "$log" 2>&1
    code=$?
    if [ $code = 77 ]; then
        echo "== $format: $(tail -1 "$log")"
        summary+=("| $format | reader not merged yet | | | | |")
        continue
    fi

    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
    found=()
    for f in "$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* "$artifacts"/oom-*; do
        [ -f "$f" ] || continue
        mkdir -p "$REGRESSIONS/$format"
        cp -n "$f" "$REGRESSIONS/$format/"
        found+=("$(basename "$f")")
    done
    after=$(ls "$artifacts" | wc -l)
    if [ $code != 0 ] || [ "$after" != "$before" ]; then
        status=1
        echo "== $format: FOUND A PROBLEM (exit $code): ${found[*]:-see $log}"
        grep -m1 -E "ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|Fatal error|SUMMARY" "$log"
        summary+=("| $format | ${execs:-?} | ${rate:-?} | ${cov:-?} | exit $code | ${found[*]:-} |")
    else
        echo "== $format: clean, ${execs:-?} runs, ${rate:-?}/s, ${cov:-?}"
        summary+=("| $format | ${execs:-?} | ${rate:-?} | ${cov:-?} | none | |")
    fi
done

echo
echo "| format | execs | exec/s | coverage | findings | fixtures |"
echo "| --- | ---: | ---: | --- | --- | --- |"
printf '%s\n' "${summary[@]}"
exit $status
