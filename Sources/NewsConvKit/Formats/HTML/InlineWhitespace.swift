/// HTML's whitespace rule applied to inlines built from markup: runs of spaces, tabs and line
/// breaks become one space, none at the start or end of a block or around a line break, and
/// spaces at the edges of emphasis and links move outside them (`foo<em> bar</em>` is
/// `foo` + space + emphasis `bar`). Empty formatting is dropped; no-break spaces stay.
enum InlineWhitespace {
    static func normalize(_ inlines: [Inline]) -> [Inline] {
        var lastWasSpace = true
        var out = collapse(inlines, lastWasSpace: &lastWasSpace)
        trimTrailing(&out)
        while case .hardBreak? = out.first { out.removeFirst() }
        while case .hardBreak? = out.last {
            out.removeLast()
            trimTrailing(&out)
        }
        return out
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
    }

    private static func collapse(_ inlines: [Inline], lastWasSpace: inout Bool) -> [Inline] {
        var out: [Inline] = []
        // Text is gathered here and added as one `.text` when something else comes, so a run of
        // many small text pieces costs linear time.
        var pending = String.UnicodeScalarView()
        func flush() {
            if !pending.isEmpty {
                out.append(.text(String(pending)))
                pending = String.UnicodeScalarView()
            }
        }
        func appendWrapped(_ inner: [Inline], _ wrap: ([Inline]) -> Inline) {
            var inner = inner
            let leading = stripLeadingSpace(&inner)
            let trailing = stripTrailingSpace(&inner)
            if leading { pending.append(" ") }
            if !inner.isEmpty {
                flush()
                out.append(wrap(inner))
            }
            if trailing { pending.append(" ") }
        }
        for inline in inlines {
            switch inline {
            case .text(let text):
                for scalar in text.unicodeScalars {
                    if isSpace(scalar) {
                        if !lastWasSpace { pending.append(" ") }
                        lastWasSpace = true
                    } else {
                        pending.append(scalar)
                        lastWasSpace = false
                    }
                }
            case .softBreak:
                if !lastWasSpace { pending.append(" ") }
                lastWasSpace = true
            case .emphasis(let content):
                appendWrapped(collapse(content, lastWasSpace: &lastWasSpace)) { .emphasis($0) }
            case .strong(let content):
                appendWrapped(collapse(content, lastWasSpace: &lastWasSpace)) { .strong($0) }
            case .strikethrough(let content):
                appendWrapped(collapse(content, lastWasSpace: &lastWasSpace)) { .strikethrough($0) }
            case .link(let link):
                let content = collapse(link.content, lastWasSpace: &lastWasSpace)
                appendWrapped(content) { .link(Link(destination: link.destination, title: link.title, content: $0)) }
            case .code, .image, .rawHTML:
                flush()
                out.append(inline)
                lastWasSpace = false
            case .hardBreak:
                flush()
                trimTrailing(&out)
                out.append(.hardBreak)
                lastWasSpace = true
            }
        }
        flush()
        return out
    }

    /// Removes one leading space from the first text; true if there was one.
    private static func stripLeadingSpace(_ inlines: inout [Inline]) -> Bool {
        guard case .text(let text)? = inlines.first, text.hasPrefix(" ") else { return false }
        let rest = String(text.dropFirst())
        if rest.isEmpty { inlines.removeFirst() } else { inlines[0] = .text(rest) }
        return true
    }

    /// Removes one trailing space from the last text; true if there was one.
    private static func stripTrailingSpace(_ inlines: inout [Inline]) -> Bool {
        guard case .text(let text)? = inlines.last, text.hasSuffix(" ") else { return false }
        let rest = String(text.dropLast())
        if rest.isEmpty { inlines.removeLast() } else { inlines[inlines.count - 1] = .text(rest) }
        return true
    }

    /// Removes trailing spaces, looking into the last emphasis or link too.
    private static func trimTrailing(_ inlines: inout [Inline]) {
        while let last = inlines.last {
            switch last {
            case .text(let text):
                var trimmed = Substring(text)
                while trimmed.last == " " { trimmed = trimmed.dropLast() }
                if trimmed.isEmpty {
                    inlines.removeLast()
                    continue
                }
                inlines[inlines.count - 1] = .text(String(trimmed))
                return
            case .emphasis(var content):
                trimTrailing(&content)
                if content.isEmpty { inlines.removeLast(); continue }
                inlines[inlines.count - 1] = .emphasis(content)
                return
            case .strong(var content):
                trimTrailing(&content)
                if content.isEmpty { inlines.removeLast(); continue }
                inlines[inlines.count - 1] = .strong(content)
                return
            case .strikethrough(var content):
                trimTrailing(&content)
                if content.isEmpty { inlines.removeLast(); continue }
                inlines[inlines.count - 1] = .strikethrough(content)
                return
            case .link(var link):
                trimTrailing(&link.content)
                if link.content.isEmpty { inlines.removeLast(); continue }
                inlines[inlines.count - 1] = .link(link)
                return
            case .code, .image, .rawHTML, .hardBreak, .softBreak:
                return
            }
        }
    }
}
