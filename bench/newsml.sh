#!/bin/sh
# NewsML-G2 speed: writing and reading a large story (XHTML and NITF bodies) and validating it
# with the built-in schema. Prints Markdown table rows.
#
#   bench/newsml.sh path/to/release/newsconv
set -eu

newsconv=${1:?usage: bench/newsml.sh path/to/release/newsconv}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A story of about 5 MB: the corpus's plain-text stories as paragraphs, repeated, written as
# the JSON AST (the only input format that does not depend on another reader).
python3 - "$root/../shared/corpus/stories" "$work/big.json" <<'PY'
import json, os, sys
folder, out = sys.argv[1], sys.argv[2]
paragraphs = []
for name in sorted(os.listdir(folder)):
    if name.endswith(".txt"):
        text = open(os.path.join(folder, name), encoding="utf-8").read()
        paragraphs += [p.strip() for p in text.split("\n\n") if p.strip()]
body = []
size = 0
while size < 5_000_000:
    for p in paragraphs:
        size += len(p)
        body.append({"type": "paragraph", "content": [{"type": "text", "text": p},
                     {"type": "strong", "content": [{"type": "text", "text": " (more)"}]}]})
doc = {"stories": [{"metadata": {"id": "urn:bench:1", "headline": "Benchmark story", "language": "en"}, "body": body}]}
json.dump(doc, open(out, "w"))
PY

"$newsconv" -f json -t newsml "$work/big.json" -o "$work/big-xhtml.xml"
"$newsconv" -f json -t newsml --newsml-body nitf "$work/big.json" -o "$work/big-nitf.xml"
size=$(wc -c < "$work/big-xhtml.xml")

run() {  # run LABEL COMMAND...
    label=$1
    shift
    if command -v hyperfine >/dev/null 2>&1; then
        hyperfine --warmup 1 --runs 5 --export-json "$work/t.json" "$*" >/dev/null 2>&1
        mean=$(python3 -c "import json;print('%.0f' % (json.load(open('$work/t.json'))['results'][0]['mean']*1000))")
    else
        start=$(date +%s%N)
        "$@" >/dev/null
        mean=$(( ($(date +%s%N) - start) / 1000000 ))
    fi
    echo "| newsml | $label | $((size / 1024)) KiB | ${mean} ms |"
}

echo "| format | operation | size | mean time |"
echo "| --- | --- | --- | --- |"
run "write XHTML body (JSON in)" "$newsconv" -f json -t newsml "$work/big.json" -o "$work/out.xml"
run "write NITF body (JSON in)" "$newsconv" -f json -t newsml --newsml-body nitf "$work/big.json" -o "$work/out.xml"
run "read XHTML body (JSON out)" "$newsconv" -f newsml -t json "$work/big-xhtml.xml" -o "$work/out.json"
run "read NITF body (JSON out)" "$newsconv" -f newsml -t json "$work/big-nitf.xml" -o "$work/out.json"
run "validate (built-in schema)" "$newsconv" validate "$work/big-xhtml.xml"
