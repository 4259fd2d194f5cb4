#!/bin/sh
# Hostile Markdown inputs (after cmark's pathological tests): each must convert to HTML in
# well under a second, with the output cmark gives. Prints Markdown table rows.
# Usage: bench/markdown-pathological.sh path/to/release/newsconv
set -eu
BIN=${1:?usage: $0 path/to/release/newsconv}
command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 1; }
exec python3 - "$BIN" <<'PY'
import os, shutil, subprocess, sys, tempfile, time

binary = sys.argv[1]
cmark = shutil.which("cmark")

cases = [
    ("nested strong emphasis, 50,000 deep", ("*a **a " * 50000) + "b" + (" a** a*" * 50000), True),
    ("65,000 emphasis closers, no openers", "a_ " * 65000, True),
    ("65,000 emphasis openers, no closers", "_a " * 65000, True),
    ("mismatched openers and closers", "*a_ " * 50000, True),
    ("openers and closers multiple of 3", "a**b" + ("c* " * 50000), True),
    ("link openers and emphasis closers", "[ a_" * 50000, True),
    ("65,000 link closers, no openers", "a]" * 65000, True),
    ("65,000 link openers, no closers", "[a" * 65000, True),
    ("50,000 [ then 50,000 ]", "[" * 50000 + "a" + "]" * 50000, True),
    ("80,000 repeated [ (](", "[ (](" * 80000, True),
    ("160,000 repeated ![[]()", "![[]()" * 160000, True),
    ("30,000 unclosed [a](<b", "[a](<b" * 30000, True),
    ("30,000 unclosed [a](b", "[a](b" * 30000, True),
    ("5,000 backtick runs of growing length", "".join("e" + "`" * i for i in range(1, 5000)), True),
    ("300,000 unclosed <!--", "</" + "<!--" * 300000, True),
    ("50,000 nested > ", "> " * 50000 + "a", True),
    ("1,000-deep nested lists", "".join("  " * i + "* a\n" for i in range(1000)), True),
    ("20,000 nested - - - - lines", "- " * 20000 + "a", True),
    ("many link references", "".join("[%d]: /url\n" % i for i in range(100000)) + "[99999]", True),
    ("30,000-row table", "| a | b |\n| --- | --- |\n" + "| c | d |\n" * 30000, False),
]

# What cmark-gfm gives where plain cmark cannot compare.
expected = {
    "30,000-row table": ("<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n"
                         + "<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n" * 30000 + "</tbody>\n</table>\n").encode(),
}

def run(argv, path, timeout=60):
    best = None
    output = b""
    for _ in range(3):
        start = time.perf_counter()
        with open(path, "rb") as f:
            result = subprocess.run(argv, stdin=f, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            raise RuntimeError("%s failed: %s" % (argv[0], result.stderr.decode(errors="replace")[:200]))
        output = result.stdout
        best = elapsed if best is None else min(best, elapsed)
    return best, output

print("| hostile input | size | newsconv | cmark | same HTML as cmark |")
print("| --- | ---: | ---: | ---: | --- |")
failed = False
with tempfile.TemporaryDirectory() as tmp:
    for name, text, comparable in cases:
        path = os.path.join(tmp, "input.md")
        with open(path, "w") as f:
            f.write(text)
        try:
            ours, our_html = run([binary, "-f", "markdown", "-t", "html", "--fragment"], path)
        except Exception as e:
            print("| %s | %d KB | FAILED | | %s |" % (name, len(text) // 1024, e))
            failed = True
            continue
        theirs, same = "", "n/a"
        if name in expected:
            same = "yes (as cmark-gfm)" if expected[name] == our_html else "NO"
            failed = failed or expected[name] != our_html
        if cmark and comparable:
            try:
                t, cmark_html = run([cmark, "--unsafe"], path, timeout=10)
                theirs = "%.3f s" % t
                same = "yes" if cmark_html == our_html else "NO"
                if cmark_html != our_html:
                    failed = True
            except subprocess.TimeoutExpired:
                theirs, same = "> 10 s", "n/a (cmark too slow)"
        if ours >= 1.0:
            failed = True
        print("| %s | %d KB | %.3f s | %s | %s |" % (name, len(text) // 1024, ours, theirs, same))
sys.exit(1 if failed else 0)
PY
