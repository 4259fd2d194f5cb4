/// HTML's whitespace rule applied to inlines built from markup: runs of spaces, tabs and line
/// breaks become one space, none at the start or end of a block or around a line break, and
/// spaces at the edges of emphasis and links move outside them (`foo<em> bar</em>` is
/// `foo` + space + emphasis `bar`). Empty formatting is dropped; no-break spaces stay.
///
/// With `keepingLineBreaks`, a run that holds a line break becomes a soft break instead of a
/// space, so clean HTML written from Markdown (where soft breaks are newlines) reads back the same.
enum InlineWhitespace {
    static func normalize(_ inlines: [Inline], keepingLineBreaks: Bool = false) -> [Inline] {
        var lastWasSpace = true
        var out = collapse(inlines, lastWasSpace: &lastWasSpace, keepsBreaks: keepingLineBreaks)
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

    /// What a wrapper's edge held: nothing, a space or a soft break.
    private enum Edge { case none, space, softBreak }

    private static func collapse(_ inlines: [Inline], lastWasSpace: inout Bool, keepsBreaks: Bool) -> [Inline] {
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
        // Whether the space that ends `pending` (or the soft break that ends `out`) stands for a
        // run of white space that held a line break.
        var lastSpaceIsBreak = false
        /// A line break in the white space now being read: the space already written becomes a
        /// soft break (once per run).
        func lineBreak() {
            guard keepsBreaks, !lastSpaceIsBreak, pending.last == " " else { return }
            pending.removeLast()
            flush()
            out.append(.softBreak)
            lastSpaceIsBreak = true
        }
        /// White space (or a soft break of the input): one space for a run, which becomes a
        /// soft break when the run holds a line break.
        func whiteSpace(breaksLine: Bool) {
            if !lastWasSpace {
                pending.append(" ")
                lastSpaceIsBreak = false
            }
            lastWasSpace = true
            if breaksLine { lineBreak() }
        }
        func append(_ edge: Edge) {
            switch edge {
            case .none: break
            case .space: pending.append(" ")
            case .softBreak:
                flush()
                out.append(.softBreak)
            }
        }
        func appendWrapped(_ inner: [Inline], _ wrap: ([Inline]) -> Inline) {
            var inner = inner
            let leading = stripLeadingSpace(&inner)
            let trailing = stripTrailingSpace(&inner)
            append(leading)
            if !inner.isEmpty {
                flush()
                out.append(wrap(inner))
            }
            append(trailing)
            lastSpaceIsBreak = trailing == .softBreak
        }
        for inline in inlines {
            switch inline {
            case .text(let text):
                for scalar in text.unicodeScalars {
                    if isSpace(scalar) {
                        whiteSpace(breaksLine: scalar == "\n")
                    } else {
                        pending.append(scalar)
                        lastWasSpace = false
                    }
                }
            case .softBreak:
                whiteSpace(breaksLine: true)
            case .emphasis(let content):
                appendWrapped(collapse(content, lastWasSpace: &lastWasSpace, keepsBreaks: keepsBreaks)) { .emphasis($0) }
            case .strong(let content):
                appendWrapped(collapse(content, lastWasSpace: &lastWasSpace, keepsBreaks: keepsBreaks)) { .strong($0) }
            case .strikethrough(let content):
                appendWrapped(collapse(content, lastWasSpace: &lastWasSpace, keepsBreaks: keepsBreaks)) { .strikethrough($0) }
            case .link(let link):
                let content = collapse(link.content, lastWasSpace: &lastWasSpace, keepsBreaks: keepsBreaks)
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

    /// Removes a leading soft break, or one leading space from the first text; says which.
    private static func stripLeadingSpace(_ inlines: inout [Inline]) -> Edge {
        if case .softBreak? = inlines.first {
            inlines.removeFirst()
            return .softBreak
        }
        guard case .text(let text)? = inlines.first, text.hasPrefix(" ") else { return .none }
        let rest = String(text.dropFirst())
        if rest.isEmpty { inlines.removeFirst() } else { inlines[0] = .text(rest) }
        return .space
    }

    /// Removes a trailing soft break, or one trailing space from the last text; says which.
    private static func stripTrailingSpace(_ inlines: inout [Inline]) -> Edge {
        if case .softBreak? = inlines.last {
            inlines.removeLast()
            return .softBreak
        }
        guard case .text(let text)? = inlines.last, text.hasSuffix(" ") else { return .none }
        let rest = String(text.dropLast())
        if rest.isEmpty { inlines.removeLast() } else { inlines[inlines.count - 1] = .text(rest) }
        return .space
    }

    /// Removes trailing spaces and soft breaks, looking into the last emphasis or link too.
    private static func trimTrailing(_ inlines: inout [Inline]) {
        while let last = inlines.last {
            switch last {
            case .softBreak:
                inlines.removeLast()
                continue
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
            case .code, .image, .rawHTML, .hardBreak:
                return
            }
        }
    }
}
