/// Converts body markup to AST blocks: XHTML (and HTML parsed by libxml2's HTML parser) and
/// NITF 3.6 `body.content`, which share much of their vocabulary (`p`, `ul`, `ol`, `li`, `table`,
/// `pre`, `a`, `em`, `br`).
///
/// Text is read as markup reads it: a line break in the source is a soft break, the indentation
/// after it is dropped, and the whitespace at the start and end of a paragraph is trimmed; code
/// keeps its text exactly. The `class` values newsconv's NITF writer uses
/// (``NITFBodyWriter``) are understood. Elements with no AST counterpart are either kept as raw
/// HTML (an XHTML body, so an HTML writer can pass them on) or unwrapped to their content (NITF,
/// and HTML converted for NITF).
struct NewsMLBodyReader {
    /// What to do with an element that has no AST counterpart.
    enum UnknownElements {
        /// Keep it, serialised as XHTML, in a raw HTML block or inline.
        case keepAsRawHTML
        /// Read its content as if the element were not there.
        case unwrap
    }

    let unknownElements: UnknownElements
    private var serializer = XHTMLSerializer()
    private static let maximumDepth = 256

    init(unknownElements: UnknownElements) {
        self.unknownElements = unknownElements
    }

    /// The blocks made of the children of `node`.
    mutating func blocks(fromChildrenOf node: XMLNode) -> [Block] {
        var blocks: [Block] = []
        appendBlocks(of: node.children, into: &blocks, depth: 0)
        return blocks
    }

    /// The inlines made of the children of `node`, trimmed; block elements inside contribute
    /// their text, separated by soft breaks.
    mutating func inlines(fromChildrenOf node: XMLNode) -> [Inline] {
        var inlines: [Inline] = []
        appendFlattened(node.children, into: &inlines, depth: 0)
        return Self.trimmed(inlines)
    }

    // MARK: Element kinds

    private static let containers: Set<String> = [
        "html", "body", "div", "section", "article", "main", "header", "footer", "center", "hgroup",
        "nitf", "body.content", "block",
        // Parts of lists and tables found outside them (in broken HTML) give their content.
        "li", "dt", "dd", "figcaption", "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
    ]
    private static let skipped: Set<String> = ["head", "body.head", "body.end", "script", "style", "template", "title"]
    /// Block-level elements with no AST counterpart.
    private static let otherBlocks: Set<String> = [
        "aside", "nav", "details", "summary", "form", "fieldset", "address", "iframe", "video", "audio", "canvas",
        "dl", "noscript", "object", "embed", "math", "svg", "menu",
        "note", "fn", "nitf-table", "tagline", "abstract", "byline", "dateline", "hedline", "credit",
    ]
    private static let unwrappedInlines: Set<String> = [
        "span", "font", "abbr", "acronym", "time", "q", "mark", "small", "big", "u", "ins", "bdi", "bdo", "label",
        "dfn", "var", "nobr", "wbr", "data",
        // NITF enriched text.
        "person", "org", "location", "chron", "money", "num", "event", "function", "object.title", "virtloc",
        "classifier", "copyrite", "copyrite.year", "copyrite.holder", "lang", "pronounce", "postaddr", "city",
        "state", "region", "country", "sublocation", "alt-code", "name.given", "name.family", "byttl",
        "addressee", "care.of", "delivery.point", "delivery.office", "postcode", "story.date",
    ]

    private func isBlock(_ name: String) -> Bool {
        switch name {
        case "p", "h1", "h2", "h3", "h4", "h5", "h6", "hl1", "hl2", "blockquote", "bq", "ul", "ol", "pre", "hr",
             "table", "figure", "media":
            return true
        default:
            return Self.containers.contains(name) || Self.skipped.contains(name) || Self.otherBlocks.contains(name)
        }
    }

    private static func classes(_ node: XMLNode) -> [Substring] {
        (node.attribute("class") ?? "").split(separator: " ")
    }

    // MARK: Blocks

    private mutating func appendBlocks(of children: [XMLNode], into blocks: inout [Block], depth: Int) {
        var pending: [Inline] = []
        for child in children {
            switch child.kind {
            case .text:
                Self.appendText(child.text, to: &pending)
            case .element:
                let name = child.name.lowercased()
                if isBlock(name) {
                    flush(&pending, into: &blocks)
                    appendBlock(child, name: name, into: &blocks, depth: depth + 1)
                } else {
                    appendInline(child, name: name, to: &pending, depth: depth + 1)
                }
            case .comment, .other:
                continue
            }
        }
        flush(&pending, into: &blocks)
    }

    private func flush(_ pending: inout [Inline], into blocks: inout [Block]) {
        let inlines = Self.trimmed(pending)
        pending.removeAll()
        if !inlines.isEmpty { blocks.append(.paragraph(inlines)) }
    }

    private mutating func appendBlock(_ node: XMLNode, name: String, into blocks: inout [Block], depth: Int) {
        guard depth < Self.maximumDepth else {
            let text = node.textContent.trimmingWhitespace
            if !text.isEmpty { blocks.append(.paragraph([.text(text)])) }
            return
        }
        switch name {
        case "p":
            let inlines = inlines(fromChildrenOf: node)
            if !inlines.isEmpty { blocks.append(.paragraph(inlines)) }
        case "h1", "h2", "h3", "h4", "h5", "h6":
            blocks.append(.heading(level: Int(name.dropFirst()) ?? 1, content: inlines(fromChildrenOf: node)))
        case "hl1":
            blocks.append(.heading(level: 1, content: inlines(fromChildrenOf: node)))
        case "hl2":
            let level = Self.classes(node).lazy.compactMap { $0.hasPrefix("level-") ? Int($0.dropFirst(6)) : nil }.first
            blocks.append(.heading(level: min(max(level ?? 2, 1), 6), content: inlines(fromChildrenOf: node)))
        case "blockquote", "bq":
            var inner: [Block] = []
            appendBlocks(of: node.children, into: &inner, depth: depth)
            blocks.append(.blockQuote(inner))
        case "ul", "ol":
            blocks.append(.list(list(node, ordered: name == "ol", depth: depth)))
        case "pre":
            blocks.append(codeBlock(node))
        case "hr":
            blocks.append(.thematicBreak)
        case "table":
            blocks.append(.table(table(node)))
        case "figure":
            blocks.append(.figure(figure(node)))
        case "media":
            blocks.append(.figure(media(node)))
        default:
            if Self.skipped.contains(name) { return }
            if Self.containers.contains(name) || unknownElements == .unwrap {
                appendBlocks(of: node.children, into: &blocks, depth: depth)
            } else {
                blocks.append(.rawHTML(serializer.markup(of: node)))
            }
        }
    }

    private mutating func list(_ node: XMLNode, ordered: Bool, depth: Int) -> ListBlock {
        var items: [ListItem] = []
        var isTight = true
        for li in node.elements where li.name.lowercased() == "li" {
            var children = li.children
            var checked: Bool?
            if let first = children.firstIndex(where: { $0.kind == .element }),
                children[first].name.lowercased() == "input", children[first].attribute("type")?.lowercased() == "checkbox" {
                checked = children[first].attribute("checked") != nil
                children.remove(at: first)
            } else if Self.classes(li).contains("checked") {
                checked = true
            } else if Self.classes(li).contains("unchecked") {
                checked = false
            }
            if children.contains(where: { $0.kind == .element && $0.name.lowercased() == "p" }) { isTight = false }
            var blocks: [Block] = []
            appendBlocks(of: children, into: &blocks, depth: depth)
            items.append(ListItem(checked: checked, blocks: blocks))
        }
        let kind: ListKind
        if ordered {
            let start = node.attribute("start").flatMap { Int($0.trimmingWhitespace) }
                ?? Self.classes(node).lazy.compactMap { $0.hasPrefix("start-") ? Int($0.dropFirst(6)) : nil }.first
            kind = .ordered(start: start ?? 1, delimiter: ".")
        } else {
            kind = .bullet(marker: "-")
        }
        return ListBlock(kind: kind, isTight: isTight, items: items)
    }

    private func codeBlock(_ node: XMLNode) -> Block {
        let elements = node.elements
        let onlyCode = elements.count == 1 && elements[0].name.lowercased() == "code"
            && !node.children.contains { $0.kind == .text && !$0.text.allSatisfy(\.isWhitespace) }
        let source = onlyCode ? elements[0] : node
        let language = (Self.classes(source) + Self.classes(node)).lazy
            .compactMap { $0.hasPrefix("language-") ? String($0.dropFirst(9)) : nil }.first
        return .codeBlock(info: language ?? "", text: source.textContent)
    }

    private mutating func table(_ node: XMLNode) -> Table {
        var caption: [Inline] = []
        var headRows: [XMLNode] = []
        var bodyRows: [XMLNode] = []
        for child in node.elements {
            switch child.name.lowercased() {
            case "caption": caption = inlines(fromChildrenOf: child)
            case "thead": headRows += child.elements.filter { $0.name.lowercased() == "tr" }
            case "tbody", "tfoot": bodyRows += child.elements.filter { $0.name.lowercased() == "tr" }
            case "tr": bodyRows.append(child)
            default: continue
            }
        }
        if headRows.isEmpty, let first = bodyRows.first {
            let cells = first.elements.filter { ["td", "th"].contains($0.name.lowercased()) }
            if !cells.isEmpty, cells.allSatisfy({ $0.name.lowercased() == "th" }) {
                headRows = [first]
                bodyRows.removeFirst()
            }
        }
        func cells(_ row: XMLNode) -> [XMLNode] { row.elements.filter { ["td", "th"].contains($0.name.lowercased()) } }
        let headerCells = headRows.first.map(cells) ?? []
        let alignmentSource = headerCells.isEmpty ? (bodyRows.first.map(cells) ?? []) : headerCells
        let alignments: [TableAlignment] = alignmentSource.map { cell in
            switch cell.attribute("align")?.lowercased() ?? Self.styleAlignment(cell) {
            case "left": .left
            case "center": .center
            case "right": .right
            default: .none
            }
        }
        var header: [[Inline]] = []
        for cell in headerCells { header.append(inlines(fromChildrenOf: cell)) }
        var rows: [[[Inline]]] = []
        for row in bodyRows {
            var values: [[Inline]] = []
            for cell in cells(row) { values.append(inlines(fromChildrenOf: cell)) }
            rows.append(values)
        }
        return Table(alignments: alignments, header: header, rows: rows, caption: caption)
    }

    private static func styleAlignment(_ cell: XMLNode) -> String? {
        guard let style = cell.attribute("style")?.lowercased().replacing(" ", with: ""),
            let range = style.range(of: "text-align:") else { return nil }
        return String(style[range.upperBound...].prefix { $0.isLetter })
    }

    private mutating func figure(_ node: XMLNode) -> Figure {
        var figure = Figure()
        if let img = Self.firstDescendant(of: node, named: "img") {
            figure.image = ImageReference(source: img.attribute("src") ?? "", alt: img.attribute("alt") ?? "",
                                          title: img.attribute("title"))
        }
        if let caption = node.elements.first(where: { $0.name.lowercased() == "figcaption" }) {
            var parts: [XMLNode] = []
            for child in caption.children {
                if child.kind == .element, child.name.lowercased() == "span", Self.classes(child).contains("credit") {
                    figure.credit = child.textContent.trimmingWhitespace
                } else {
                    parts.append(child)
                }
            }
            var inlines: [Inline] = []
            appendFlattened(parts, into: &inlines, depth: 0)
            figure.caption = Self.trimmed(inlines)
        }
        return figure
    }

    private mutating func media(_ node: XMLNode) -> Figure {
        var figure = Figure()
        if let reference = node.elements.first(where: { $0.name == "media-reference" }), let source = reference.attribute("source") {
            figure.image = ImageReference(source: source, alt: reference.attribute("alternate-text") ?? "",
                                          title: reference.attribute("name"))
        }
        var caption: [Inline] = []
        for part in node.elements where part.name == "media-caption" {
            if !caption.isEmpty { caption.append(.softBreak) }
            caption += inlines(fromChildrenOf: part)
        }
        figure.caption = caption
        let producers = node.elements.filter { $0.name == "media-producer" }.map { $0.textContent.collapsingWhitespace }
        if !producers.isEmpty { figure.credit = producers.joined(separator: " ") }
        return figure
    }

    private static func firstDescendant(of node: XMLNode, named name: String) -> XMLNode? {
        var stack = Array(node.elements.reversed())
        while let next = stack.popLast() {
            if next.name.lowercased() == name { return next }
            stack += next.elements.reversed()
        }
        return nil
    }

    // MARK: Inlines

    private mutating func appendFlattened(_ children: [XMLNode], into inlines: inout [Inline], depth: Int) {
        for child in children {
            switch child.kind {
            case .text:
                Self.appendText(child.text, to: &inlines)
            case .element:
                let name = child.name.lowercased()
                if name == "br" || !isBlock(name) || name == "hr" {
                    appendInline(child, name: name, to: &inlines, depth: depth + 1)
                } else if !Self.skipped.contains(name), depth < Self.maximumDepth {
                    var inner: [Inline] = []
                    appendFlattened(child.children, into: &inner, depth: depth + 1)
                    inner = Self.trimmed(inner)
                    guard !inner.isEmpty else { continue }
                    if let last = inlines.last, last != .softBreak, last != .hardBreak { inlines.append(.softBreak) }
                    inlines += inner
                }
            case .comment, .other:
                continue
            }
        }
    }

    private mutating func childInlines(_ node: XMLNode, depth: Int) -> [Inline] {
        var inner: [Inline] = []
        appendFlattened(node.children, into: &inner, depth: depth)
        return Self.merged(inner)
    }

    private mutating func appendInline(_ node: XMLNode, name: String, to inlines: inout [Inline], depth: Int) {
        guard depth < Self.maximumDepth else {
            Self.appendText(node.textContent, to: &inlines)
            return
        }
        switch name {
        case "em", "i", "cite":
            let classes = Self.classes(node)
            if classes.contains("code") {
                inlines.append(.code(node.textContent))
                return
            }
            let content = childInlines(node, depth: depth)
            if classes.contains("bold") || classes.contains("strong") {
                inlines.append(.strong(content))
            } else if classes.contains("strikethrough") {
                inlines.append(.strikethrough(content))
            } else {
                inlines.append(.emphasis(content))
            }
        case "strong", "b":
            inlines.append(.strong(childInlines(node, depth: depth)))
        case "del", "s", "strike":
            inlines.append(.strikethrough(childInlines(node, depth: depth)))
        case "code", "tt", "kbd", "samp":
            inlines.append(.code(node.textContent))
        case "a":
            let content = childInlines(node, depth: depth)
            if let href = node.attribute("href") {
                inlines.append(.link(Link(destination: href, title: node.attribute("title"), content: content)))
            } else {
                inlines += content
            }
        case "img":
            let alt = node.attribute("alt") ?? ""
            inlines.append(.image(InlineImage(source: node.attribute("src") ?? "", title: node.attribute("title"),
                                              alt: alt.isEmpty ? [] : [.text(alt)])))
        case "br":
            inlines.append(.hardBreak)
        case "input":
            return
        case "hr":
            if let last = inlines.last, last != .softBreak, last != .hardBreak { inlines.append(.softBreak) }
        default:
            if Self.unwrappedInlines.contains(name) || unknownElements == .unwrap {
                inlines += childInlines(node, depth: depth)
            } else {
                inlines.append(.rawHTML(serializer.markup(of: node)))
            }
        }
    }

    // MARK: Text

    /// Appends `text`: each line break becomes a soft break (none right after a hard break),
    /// with the indentation that follows it dropped. Adjacent texts are joined later, by
    /// ``merged(_:)``, so that many small text nodes cost linear time.
    static func appendText(_ text: String, to inlines: inout [Inline]) {
        var first = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var segment = Substring(line)
            if !first {
                if let last = inlines.last, last != .softBreak, last != .hardBreak { inlines.append(.softBreak) }
                segment = segment.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            }
            first = false
            if !segment.isEmpty { inlines.append(.text(String(segment))) }
        }
    }

    /// `inlines` with each run of adjacent texts joined into one.
    static func merged(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        result.reserveCapacity(inlines.count)
        var pending = ""
        var hasPending = false
        for inline in inlines {
            if case .text(let s) = inline {
                pending += s
                hasPending = true
                continue
            }
            if hasPending { result.append(.text(pending)) }
            pending = ""
            hasPending = false
            result.append(inline)
        }
        if hasPending { result.append(.text(pending)) }
        return result
    }

    /// True for XML's whitespace (space, tab, line feed, carriage return), which markup
    /// indentation is made of; a no-break space is content.
    private static func isMarkupSpace(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\r\n" }

    /// `inlines` with adjacent texts joined and without leading and trailing breaks and
    /// whitespace.
    static func trimmed(_ inlines: [Inline]) -> [Inline] {
        var result = merged(inlines)
        while let first = result.first {
            if first == .softBreak || first == .hardBreak {
                result.removeFirst()
            } else if case .text(let s) = first {
                let t = s.drop(while: isMarkupSpace)
                if t.isEmpty { result.removeFirst() } else { result[0] = .text(String(t)); break }
            } else {
                break
            }
        }
        while let last = result.last {
            if last == .softBreak || last == .hardBreak {
                result.removeLast()
            } else if case .text(let s) = last {
                var t = Substring(s)
                while let c = t.last, isMarkupSpace(c) { t.removeLast() }
                if t.isEmpty { result.removeLast() } else { result[result.count - 1] = .text(String(t)); break }
            } else {
                break
            }
        }
        return result
    }
}
