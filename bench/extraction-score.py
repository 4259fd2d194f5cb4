#!/usr/bin/env python3
"""Article extraction quality and time: newsconv beside trafilatura on the same pages, in one run.

    bench/extraction-score.py NEWSCONV CORPUS_DIR [--markdown]

CORPUS_DIR is ../shared/corpus/extraction (html/KEY.html.gz and ground-truth.json). Each page is
converted by the newsconv binary (`newsconv page.html -t json`, one process per page, as a
Makefile runs it) and by trafilatura 2.3.1 in this process (`trafilatura.extract(html)`, its
defaults), both timed (wall clock, and CPU: the steadier figure on a shared machine). Scored as
the benchmark scores (its evaluate.py; the corpus README): word
4-gram shingles per page, precision and recall averaged over pages, F1 of the means.

newsconv's text is the story's body as the corpus README defines the compared text (and as
Tests/NewsConvKitTests/Support/ShingleScore.swift takes it): paragraphs, headings, lists, quotes,
tables, code and figure captions in reading order, without image alt text. The row "captions left
out" drops figure captions, which the hand-made truth mostly leaves out.

Prints Markdown table rows for bench/run.sh (--markdown) or a longer report with the worst pages and
the split the issue was developed on (a fixed held-out third of the pages, never studied).
"""
import collections
import gzip
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time

TOKEN = re.compile(r'\w+', re.UNICODE)


def shingles(text, n=4):
    tokens = TOKEN.findall(text or '')
    return collections.Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def page_score(truth, extracted):
    """(precision, recall) of one page, as the benchmark's evaluate.py computes them."""
    a, b = shingles(truth), shingles(extracted)
    tp = fp = fn = 0
    for key in set(a) | set(b):
        x, y = a.get(key, 0), b.get(key, 0)
        tp += min(x, y)
        fp += max(0, y - x)
        fn += max(0, x - y)
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    if fp == fn == 0:
        return 1.0, 1.0
    precision = 0.0 if tp == fp == 0 else tp / (tp + fp)
    recall = 0.0 if tp == fn == 0 else tp / (tp + fn)
    return precision, recall


def summary(scores):
    if not scores:
        return 0.0, 0.0, 0.0
    p = sum(s[0] for s in scores) / len(scores)
    r = sum(s[1] for s in scores) / len(scores)
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def inline_text(inlines, out):
    for x in inlines:
        kind = x['type']
        if kind in ('text', 'code'):
            out.append(x['text'])
        elif kind in ('emphasis', 'strong', 'strikethrough', 'link'):
            inline_text(x['content'], out)
        elif kind == 'softBreak':
            out.append(' ')
        elif kind == 'hardBreak':
            out.append('\n')
        # images (alt text) and raw HTML are not text


def text_of(inlines):
    out = []
    inline_text(inlines, out)
    return ''.join(out)


def block_lines(block, lines, captions):
    kind = block['type']
    if kind in ('paragraph', 'heading'):
        lines.append(text_of(block['content']))
    elif kind == 'blockQuote':
        for inner in block['blocks']:
            block_lines(inner, lines, captions)
    elif kind == 'list':
        for item in block['items']:
            for inner in item['blocks']:
                block_lines(inner, lines, captions)
    elif kind == 'codeBlock':
        lines.append(block['text'])
    elif kind == 'table':
        table = block['table']
        for row in [table['header']] + table.get('rows', []):
            lines.append('\t'.join(text_of(cell) for cell in row))
    elif kind == 'figure' and captions:
        lines.append(text_of(block['figure'].get('caption', [])))


def article_text(document, captions=False):
    lines = []
    for story in document.get('stories', [])[:1]:
        for block in story.get('body', []):
            block_lines(block, lines, captions)
    return '\n'.join(lines)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    markdown = '--markdown' in sys.argv
    if len(args) != 2:
        sys.exit(__doc__)
    binary, corpus = args
    truth = json.load(open(os.path.join(corpus, 'ground-truth.json'), encoding='utf-8'))
    keys = sorted(truth)
    held_out = set(random.Random(17).sample(keys, len(keys) // 3))
    try:
        import trafilatura
        version = getattr(trafilatura, '__version__', '?')
    except ImportError as error:
        trafilatura, version = None, str(error)

    ours, ours_captions, theirs = {}, {}, {}
    ours_time = theirs_time = ours_cpu = theirs_cpu = 0.0

    def children_cpu():
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime
    with tempfile.TemporaryDirectory() as work:
        for key in keys:
            html = gzip.open(os.path.join(corpus, 'html', key + '.html.gz')).read()
            page = os.path.join(work, key[:16] + '.html')
            with open(page, 'wb') as f:
                f.write(html)
            start, start_cpu = time.perf_counter(), children_cpu()
            run = subprocess.run([binary, page, '-q', '-t', 'json'], capture_output=True)
            ours_time += time.perf_counter() - start
            ours_cpu += children_cpu() - start_cpu
            document = json.loads(run.stdout) if run.returncode == 0 and run.stdout else {}
            ours[key] = article_text(document, captions=True)
            ours_captions[key] = article_text(document)
            if trafilatura:
                start, start_cpu = time.perf_counter(), time.process_time()
                theirs[key] = trafilatura.extract(html) or ''
                theirs_time += time.perf_counter() - start
                theirs_cpu += time.process_time() - start_cpu

    def scores(texts, subset=None):
        return [page_score(truth[k]['articleBody'], texts[k]) for k in keys if subset is None or subset(k)]

    n = len(keys)
    rows = [('newsconv', ours, ours_time, ours_cpu)]
    if trafilatura:
        rows.append(('trafilatura %s' % version, theirs, theirs_time, theirs_cpu))
    if markdown:
        # Rows for bench/run.sh's table: newsconv's value in its column, trafilatura's beside the
        # case (named, as the merged table has no column for it).
        name = 'trafilatura %s' % version if trafilatura else 'trafilatura'
        print('| article extraction | newsconv | %s |' % name)
        print('| --- | ---: | ---: |')
        def cell(texts):
            return 'F1 %.3f, precision %.3f, recall %.3f' % summary(scores(texts))
        missing = name + ': not installed (pip install trafilatura==2.3.1 lxml_html_clean)'
        print('| article extraction, %d benchmark pages: quality | %s | %s |'
              % (n, cell(ours), name + ': ' + cell(theirs) if trafilatura else missing))
        print('| article extraction: time per page (CPU) | %.1f ms (CPU %.1f ms) | %s |'
              % (ours_time / n * 1000, ours_cpu / n * 1000,
                 name + ': %.1f ms (CPU %.1f ms)' % (theirs_time / n * 1000, theirs_cpu / n * 1000) if trafilatura else missing))
        print('| article extraction: quality with figure captions left out | %s | |' % cell(ours_captions))
        print('article extraction: newsconv runs one process per page (start-up included), trafilatura one Python process for all.')
        return
    for name, texts, seconds, cpu in rows + [('newsconv, figure captions left out', ours_captions, 0.0, 0.0)]:
        f1, p, r = summary(scores(texts))
        line = '%-45s F1 %.4f  precision %.4f  recall %.4f' % (name, f1, p, r)
        if seconds:
            line += '  %.1f ms per page (CPU %.1f ms)' % (seconds / n * 1000, cpu / n * 1000)
        print(line)
        for label, subset in (('developed on', lambda k: k not in held_out), ('held out', lambda k: k in held_out)):
            f1, p, r = summary(scores(texts, subset))
            print('    %-12s F1 %.4f  precision %.4f  recall %.4f' % (label, f1, p, r))
    if not trafilatura:
        print('trafilatura is not installed (pip install trafilatura==2.3.1 lxml_html_clean): %s' % version)
    print('newsconv worst pages:')
    worst = sorted(((page_score(truth[k]['articleBody'], ours[k]), k) for k in keys), key=lambda s: min(s[0]))
    for (p, r), key in worst[:10]:
        print('    P %.3f  R %.3f  %s%s' % (p, r, truth[key]['url'], '  (held out)' if key in held_out else ''))


if __name__ == '__main__':
    main()
