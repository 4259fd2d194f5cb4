#!/usr/bin/env python3
"""Builds the front page of the Examples newsroom as a newsconv JSON document.

Reads the stories that `newsconv -t json` wrote (one file per source, out/json/NAME.json) and
writes one document with one story: for each story a linked headline, the byline and dateline,
a summary, and links to its web page, NewsML-G2 item and EPUB. newsconv then renders it with
the theme like any other page:

    frontpage.py --title "Today" -o out/frontpage.json out/json/*.json
    newsconv out/frontpage.json -o out/index.html

The output is written atomically (a temporary file renamed into place).
"""

import argparse
import json
import os
import sys
import tempfile


def text(content):
    """A JSON text inline."""
    return {"type": "text", "text": content}


def link(destination, content):
    """A JSON link inline around `content` (a list of inlines)."""
    return {"type": "link", "destination": destination, "content": content}


def plain(inlines):
    """The plain text of a list of JSON inlines."""
    parts = []
    for inline in inlines:
        kind = inline.get("type")
        if kind in ("text", "code"):
            parts.append(inline.get("text", ""))
        elif kind in ("softBreak", "hardBreak"):
            parts.append(" ")
        elif kind == "image":
            parts.append(plain(inline.get("alt", [])))
        else:
            parts.append(plain(inline.get("content", [])))
    return "".join(parts)


def summary(story, limit=240):
    """The story's summary, or the start of its first paragraph."""
    given = story["metadata"].get("summary")
    if given:
        return given
    for block in story.get("body", []):
        if block.get("type") == "paragraph":
            words = plain(block.get("content", [])).split()
            result = ""
            for word in words:
                if len(result) + len(word) + 1 > limit:
                    return result + " …"
                result = (result + " " + word).strip()
            return result
    return ""


def byline(metadata):
    """`By Jane Doe and John Roe, Role`; all-capital agency names are shown in title case."""
    people = []
    for entry in metadata.get("bylines", []):
        name = entry.get("name", "")
        if name.isupper():
            name = name.title()
        people.append(name)
    if not people:
        return ""
    names = people[0] if len(people) == 1 else ", ".join(people[:-1]) + " and " + people[-1]
    role = metadata["bylines"][-1].get("role")
    return "By " + names + (", " + role if role else "")


def dateline(metadata):
    """`PLACE, DATE (AGENCY)` from the dateline's parts that are present."""
    parts = metadata.get("dateline") or {}
    line = ", ".join(p for p in (parts.get("place"), parts.get("date")) if p)
    if parts.get("agency"):
        line = (line + " " if line else "") + "(" + parts["agency"] + ")"
    return line


def entry(name, story):
    """The front-page blocks for one story whose outputs are NAME.html, NAME.xml and NAME.epub."""
    metadata = story["metadata"]
    headline = metadata.get("headline") or name
    blocks = [{"type": "heading", "level": 2, "content": [link(name + ".html", [text(headline)])]}]
    credit = " · ".join(p for p in (byline(metadata), dateline(metadata)) if p)
    if credit:
        blocks.append({"type": "paragraph", "content": [{"type": "emphasis", "content": [text(credit)]}]})
    teaser = summary(story)
    if teaser:
        blocks.append({"type": "paragraph", "content": [text(teaser)]})
    blocks.append({"type": "paragraph", "content": [
        link(name + ".html", [text("Web page")]), text(" · "),
        link(name + ".xml", [text("NewsML-G2")]), text(" · "),
        link(name + ".epub", [text("EPUB")]),
    ]})
    return blocks


def main():
    parser = argparse.ArgumentParser(description="Build the Examples front page as newsconv JSON.")
    parser.add_argument("--title", required=True, help="the front page's headline")
    parser.add_argument("-o", "--output", required=True, help="the JSON file to write")
    parser.add_argument("stories", nargs="+", help="newsconv JSON files, one per story source (NAME.json)")
    args = parser.parse_args()

    entries = []
    count = 0
    for path in args.stories:
        name = os.path.splitext(os.path.basename(path))[0]
        try:
            with open(path, encoding="utf-8") as f:
                document = json.load(f)
            stories = document["stories"]
        except (OSError, ValueError, KeyError, TypeError) as error:
            sys.exit(f"frontpage.py: {path}: not a newsconv JSON document: {error}")
        for story in stories:
            story.setdefault("metadata", {})
            entries += entry(name, story)
            count += 1

    lead = [{"type": "paragraph", "content": [
        text(f"{count} stories today. Also: "),
        link("day.xml", [text("all of them as one NewsML-G2 news message")]), text(" and "),
        link("edition.epub", [text("the edition as an e-book")]), text("."),
    ]}, {"type": "thematicBreak"}]
    page = {"stories": [{
        "metadata": {"headline": args.title, "language": "en-GB", "summary": f"{count} stories today."},
        "body": lead + entries,
    }]}

    directory = os.path.dirname(args.output) or "."
    fd, temporary = tempfile.mkstemp(dir=directory, prefix="." + os.path.basename(args.output) + ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(page, f, ensure_ascii=False, indent=1)
            f.write("\n")
        os.chmod(temporary, 0o644)
        os.replace(temporary, args.output)
    except BaseException:
        os.unlink(temporary)
        raise


if __name__ == "__main__":
    main()
