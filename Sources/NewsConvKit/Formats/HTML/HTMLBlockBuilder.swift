/// Turns the article's HTML into story blocks: paragraphs, headings, lists, quotes, code, data
/// tables and figures with captions and credits; links and images made absolute against the
/// page address; lazy-loaded images resolved. Layout wrappers (`div`, `section`, …) dissolve
/// into their content; text is never dropped, only markup the AST has no place for.
struct HTMLBlockBuilder {
    typealias NodeID = HTMLDOM.NodeID

    let dom: HTMLDOM
    /// The address relative links and images resolve against.
    let baseURL: String?

    /// Per node: whether it is block-level or holds block-level content.
    private var blockish: [Bool]
    /// Line breaks in a paragraph's source become soft breaks (clean HTML, not a web page).
    var keepsLineBreaks = false

    init(dom: HTMLDOM, baseURL: String?) {
        self.dom = dom
        self.baseURL = baseURL
        self.blockish = []
    }

    /// The blocks of the element `root`.
    mutating func blocks(of root: NodeID) -> [Block] {
        blockish = [Bool](repeating: false, count: dom.nodes.count)
        markBlockish(root)
        var out: [Block] = []
        appendChildren(of: root, to: &out)
        return out
    }

    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dd", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th",
        "caption", "ul", "menu", "iframe", "video", "audio", "embed", "object",
    ]

    /// Elements whose content is never story text.
    static let ignoredElements: Set<String> = [
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "input", "button", "select",
        "textarea", "option", "svg", "canvas", "map", "area", "source", "track", "param", "base", "col", "colgroup",
    ]

    private mutating func markBlockish(_ node: NodeID) {
        // Post-order without recursion limits: a manual stack of (node, next child to visit).
        var stack: [(NodeID, NodeID)] = [(node, dom[node].firstChild)]
        while let (current, child) = stack.last {
            if child != HTMLDOM.none {
                stack[stack.count - 1].1 = dom[child].next
                if !dom[child].isText { stack.append((child, dom[child].firstChild)) }
                continue
            }
            stack.removeLast()
            var value = Self.blockElements.contains(dom.name(current))
            if !value {
                var c = dom[current].firstChild
                while c != HTMLDOM.none {
                    if !dom[c].isText && blockish[c] { value = true; break }
                    c = dom[c].next
                }
            }
            blockish[current] = value
        }
    }

    private func isBlockish(_ node: NodeID) -> Bool {
        !dom[node].isText && node < blockish.count && blockish[node]
    }

    // MARK: Blocks

    /// Appends the blocks made of `parent`'s children; inline runs between blocks become
    /// paragraphs.
    /// `isParagraph`: `parent` is a `<p>`.
    private func appendChildren(of parent: NodeID, to out: inout [Block], isParagraph: Bool = false) {
        var run: [Inline] = []
        var child = dom[parent].firstChild
        while child != HTMLDOM.none {
            if isBlockish(child) {
                flushParagraph(&run, to: &out, isParagraph: isParagraph)
                appendBlock(child, to: &out)
            } else {
                appendInline(child, to: &run)
            }
            child = dom[child].next
        }
        flushParagraph(&run, to: &out, isParagraph: isParagraph)
    }

    /// A run of inlines as a paragraph; a lone picture as a figure, except in a `<p>` of clean
    /// HTML, where it is what the writer made of a paragraph holding only an image.
    private func flushParagraph(_ run: inout [Inline], to out: inout [Block], isParagraph: Bool = false) {
        defer { run = [] }
        let inlines = InlineWhitespace.normalize(run, keepingLineBreaks: keepsLineBreaks)
        guard !inlines.isEmpty else { return }
        if !(keepsLineBreaks && isParagraph), let image = Self.loneImage(inlines) {
            out.append(.figure(Figure(image: image)))
        } else {
            out.append(.paragraph(inlines))
        }
    }

    /// The image of a paragraph that holds only an image (possibly inside a link).
    private static func loneImage(_ inlines: [Inline]) -> ImageReference? {
        guard inlines.count == 1 else { return nil }
        switch inlines[0] {
        case .image(let image):
            return ImageReference(source: image.source, alt: image.alt.plainText, title: image.title)
        case .link(let link):
            return loneImage(link.content)
        case .text, .emphasis, .strong, .strikethrough, .code, .softBreak, .hardBreak, .rawHTML:
            return nil
        }
    }

    private func appendBlock(_ node: NodeID, to out: inout [Block]) {
        let name = dom.name(node)
        switch name {
        case "p":
            appendChildren(of: node, to: &out, isParagraph: true)
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let level = Int(String(name.dropFirst())) ?? 2
            let content = InlineWhitespace.normalize(inlines(of: node))
            if !content.isEmpty { out.append(.heading(level: level, content: content)) }
        case "blockquote":
            var inner: [Block] = []
            appendChildren(of: node, to: &inner)
            if !inner.isEmpty { out.append(.blockQuote(inner)) }
        case "ul", "ol", "menu":
            appendList(node, to: &out)
        case "dl":
            appendDefinitionList(node, to: &out)
        case "pre":
            appendCode(node, to: &out)
        case "hr":
            out.append(.thematicBreak)
        case "table":
            appendTable(node, to: &out)
        case "figure":
            appendFigure(node, to: &out)
        case "iframe", "video", "audio", "embed", "object":
            appendEmbed(node, to: &out)
        case "dt":
            let content = InlineWhitespace.normalize(inlines(of: node))
            if !content.isEmpty { out.append(.paragraph([.strong(content)])) }
        default:
            if Self.ignoredElements.contains(name) { return }
            appendChildren(of: node, to: &out)
        }
    }

    private func appendList(_ list: NodeID, to out: inout [Block]) {
        var items: [ListItem] = []
        var loose = false
        var stray: [NodeID] = []
        func flushStray() {
            guard !stray.isEmpty else { return }
            var blocks: [Block] = []
            var run: [Inline] = []
            for node in stray {
                if isBlockish(node) {
                    flushParagraph(&run, to: &blocks)
                    appendBlock(node, to: &blocks)
                } else {
                    appendInline(node, to: &run)
                }
            }
            flushParagraph(&run, to: &blocks)
            stray = []
            guard !blocks.isEmpty else { return }
            if items.isEmpty { items.append(ListItem(blocks: blocks)) } else { items[items.count - 1].blocks += blocks }
        }
        var child = dom[list].firstChild
        while child != HTMLDOM.none {
            if !dom[child].isText && dom.name(child) == "li" {
                flushStray()
                var blocks: [Block] = []
                appendChildren(of: child, to: &blocks)
                if dom.elementChildren(child).contains(where: { dom.name($0) == "p" }) { loose = true }
                if !blocks.isEmpty { items.append(ListItem(checked: taskState(of: child), blocks: blocks)) }
            } else {
                stray.append(child)
            }
            child = dom[child].next
        }
        flushStray()
        guard !items.isEmpty else { return }
        let kind: ListKind = dom.name(list) == "ol"
            ? .ordered(start: Int(dom.attribute(list, "start")?.trimmingJSWhitespace ?? "") ?? 1, delimiter: ".")
            : .bullet(marker: "-")
        out.append(.list(ListBlock(kind: kind, isTight: !loose, items: items)))
    }

    /// Whether a list item is a ticked (`true`) or open (`false`) task: it opens with a checkbox,
    /// as GFM task lists are written (`<li><input type="checkbox" checked disabled> …`, or inside
    /// the item's first paragraph). Nil for an ordinary item.
    private func taskState(of item: NodeID) -> Bool? {
        var node = dom[item].firstChild
        var depth = 0
        while node != HTMLDOM.none {
            if dom[node].isText {
                guard dom[node].text.isJSWhitespace else { return nil }
                node = dom[node].next
                continue
            }
            switch dom.name(node) {
            case "input":
                guard dom.attribute(node, "type")?.lowercased() == "checkbox" else { return nil }
                return dom.attribute(node, "checked") != nil
            case "p" where depth == 0:
                depth = 1
                node = dom[node].firstChild
            default:
                return nil
            }
        }
        return nil
    }

    private func appendDefinitionList(_ list: NodeID, to out: inout [Block]) {
        var child = dom[list].firstChild
        var run: [Inline] = []
        while child != HTMLDOM.none {
            if dom[child].isText || !isBlockish(child) {
                appendInline(child, to: &run)
            } else {
                flushParagraph(&run, to: &out)
                appendBlock(child, to: &out)
            }
            child = dom[child].next
        }
        flushParagraph(&run, to: &out)
    }

    private func appendCode(_ pre: NodeID, to out: inout [Block]) {
        var text = dom.textContent(pre)
        if text.hasPrefix("\n") { text.removeFirst() }
        guard !text.isJSWhitespace else { return }
        if !text.hasSuffix("\n") { text += "\n" }
        var language = ""
        let code = dom.firstElementChild(pre)
        for node in [pre, code] where node != HTMLDOM.none && language.isEmpty {
            for name in dom.className(node).split(separator: " ") {
                for prefix in ["language-", "lang-"] where name.hasPrefix(prefix) {
                    language = String(name.dropFirst(prefix.count))
                }
            }
        }
        out.append(.codeBlock(info: language, text: text))
    }

    private func appendEmbed(_ node: NodeID, to out: inout [Block]) {
        let source = dom.attribute(node, "src") ?? dom.attribute(node, "data")
            ?? dom.descendants(of: node, named: "source").lazy.compactMap { dom.attribute($0, "src") }.first
        guard let source, !source.trimmingJSWhitespace.isEmpty else {
            appendChildren(of: node, to: &out)
            return
        }
        let title = dom.attribute(node, "title")?.collapsingWhitespace
        let label = title.flatMap { $0.isEmpty ? nil : $0 } ?? (dom.name(node) == "audio" ? "Audio" : "Video")
        out.append(.paragraph([.link(Link(destination: URLReference.resolve(source, against: baseURL), content: [.text(label)]))]))
    }

    // MARK: Figures

    /// Class words of a caption's credit line.
    static let creditWords = Needles(["credit", "copyright", "photographer", "byline", "source", "courtesy"])

    private func appendFigure(_ figure: NodeID, to out: inout [Block]) {
        let images = dom.descendants(of: figure, named: "img").filter { !isInsideCaption($0, of: figure) && imageSource($0) != nil }
        let caption = dom.descendants(of: figure, named: "figcaption").first
        guard !images.isEmpty else {
            // A picture that is only its caption (the picture could not be packed or shown, or
            // is left as a placeholder with its credit): still a figure, with its caption and credit.
            if let caption, let rest = textBesideCaption(caption, in: figure) {
                var (captionInlines, credit) = captionAndCredit(of: figure, caption: caption)
                if credit == nil, !rest.isEmpty { credit = rest }
                if !captionInlines.isEmpty || credit != nil { out.append(.figure(Figure(caption: captionInlines, credit: credit))) }
                return
            }
            // A figure of something else: a quote, a table, an embed.
            appendChildren(of: figure, to: &out)
            return
        }
        let (captionInlines, credit) = captionAndCredit(of: figure, caption: caption)
        for (index, img) in images.enumerated() {
            guard let source = imageSource(img) else { continue }
            let isLast = index == images.count - 1
            let image = ImageReference(source: source, alt: dom.attribute(img, "alt")?.collapsingWhitespace ?? "",
                                       title: dom.attribute(img, "title"))
            out.append(.figure(Figure(image: image, caption: isLast ? captionInlines : [], credit: isLast ? credit : nil)))
        }
    }

    /// The text of a picture-less `figure` outside its `caption`, when that is no more than a
    /// placeholder's line (`Image copyright EPA`); nil when the figure holds other content (a
    /// quote, a table, a list, an embed, a paragraph of text).
    private static let contentElements: Set<String> = ["table", "blockquote", "ul", "ol", "pre", "p", "iframe", "video", "audio", "embed", "object"]

    private func textBesideCaption(_ caption: NodeID, in figure: NodeID) -> String? {
        var rest = ""
        for child in dom.childNodes(figure) where child != caption {
            if !dom[child].isText {
                if Self.contentElements.contains(dom.name(child)) { return nil }
                if dom.hasDescendant(of: child, named: "figcaption", "table", "blockquote", "ul", "ol", "pre", "p", "iframe", "video", "audio", "embed", "object") {
                    return nil
                }
            }
            rest += " " + dom.textContent(child)
        }
        let text = rest.collapsingWhitespace
        return text.utf8.count <= 100 ? text : nil
    }

    /// A figure's caption, from its `<figcaption>` or else from any text outside its images, and
    /// its credit (the caption's credit spans), nil when there is none.
    private func captionAndCredit(of figure: NodeID, caption: NodeID?) -> ([Inline], String?) {
        var captionInlines: [Inline] = []
        var credits: [String] = []
        if let caption {
            captionInlines = InlineWhitespace.normalize(inlines(of: caption, credits: &credits))
        } else {
            // Captions marked up without <figcaption>: any text in the figure outside the image.
            var texts: [Inline] = []
            var child = dom[figure].firstChild
            while child != HTMLDOM.none {
                if dom[child].isText || !dom.hasDescendant(of: child, named: "img") && dom.name(child) != "img" {
                    texts += inlines(of: child, credits: &credits, includeSelf: true)
                }
                child = dom[child].next
            }
            captionInlines = InlineWhitespace.normalize(texts)
        }
        let credit = credits.map(\.collapsingWhitespace).filter { !$0.isEmpty }.joined(separator: " ")
        return (captionInlines, credit.isEmpty ? nil : credit)
    }

    private func isInsideCaption(_ node: NodeID, of figure: NodeID) -> Bool {
        var current = dom.parent(node)
        while current != HTMLDOM.none, current != figure {
            if dom.name(current) == "figcaption" { return true }
            current = dom.parent(current)
        }
        return false
    }

    /// The image's address: `src`, else the best of `srcset`, else a lazy-loading attribute,
    /// else the `<source>` of its `<picture>`.
    func imageSource(_ img: NodeID) -> String? {
        func usable(_ value: String?) -> String? {
            guard let value = value?.trimmingJSWhitespace, !value.isEmpty else { return nil }
            if let type = ArticleExtractor.base64MediaType(value), type != "image/svg+xml", value.utf8.count < 200 { return nil }
            return value
        }
        let lazyNames = ["data-src", "data-original", "data-lazy-src", "data-url", "data-hi-res-src", "data-native-src"]
        let candidate = usable(dom.attribute(img, "src"))
            ?? usable(dom.attribute(img, "srcset")).flatMap(URLReference.bestCandidate(inSrcset:))
            ?? lazyNames.lazy.compactMap { usable(dom.attribute(img, $0)) }.first
            ?? usable(dom.attribute(img, "data-srcset")).flatMap(URLReference.bestCandidate(inSrcset:))
            ?? pictureSource(img)
        return candidate.map { URLReference.resolve($0, against: baseURL) }
    }

    private func pictureSource(_ img: NodeID) -> String? {
        // libxml2 does not know <source> is empty, so the <img> may sit inside a <source>.
        var picture = dom.parent(img)
        if picture != HTMLDOM.none, dom.name(picture) == "source" { picture = dom.parent(picture) }
        guard picture != HTMLDOM.none, dom.name(picture) == "picture" else { return nil }
        for source in dom.descendants(of: picture, named: "source") {
            if let set = dom.attribute(source, "srcset") ?? dom.attribute(source, "data-srcset"),
                let best = URLReference.bestCandidate(inSrcset: set)
            { return best }
        }
        return nil
    }

    // MARK: Tables

    private func appendTable(_ table: NodeID, to out: inout [Block]) {
        var rows: [NodeID] = []
        collectRows(table, into: &rows)
        let hasHeaderCells = dom.hasDescendant(of: table, named: "th", "thead")
        guard dom[table].isDataTable || hasHeaderCells, !rows.isEmpty else {
            // Layout: keep the cells' content in reading order.
            for row in rows {
                for cell in dom.elementChildren(row) where dom.name(cell) == "td" || dom.name(cell) == "th" {
                    appendChildren(of: cell, to: &out)
                }
            }
            if rows.isEmpty { appendChildren(of: table, to: &out) }
            return
        }
        var cells: [[[Inline]]] = []
        var alignments: [TableAlignment] = []
        var headerRow: Int?
        for (index, row) in rows.enumerated() {
            var line: [[Inline]] = []
            let rowCells = dom.elementChildren(row).filter { dom.name($0) == "td" || dom.name($0) == "th" }
            if headerRow == nil, index == 0,
                (dom.name(dom.parent(row)) == "thead" || (!rowCells.isEmpty && rowCells.allSatisfy { dom.name($0) == "th" }))
            {
                headerRow = 0
            }
            for cell in rowCells {
                line.append(cellInlines(cell))
                if index == (headerRow ?? 0) { alignments.append(alignment(of: cell)) }
                let span = min(max(Int(dom.attribute(cell, "colspan") ?? "") ?? 1, 1), 100)
                for _ in 1..<span {
                    line.append([])
                    if index == (headerRow ?? 0) { alignments.append(.none) }
                }
            }
            cells.append(line)
        }
        let columns = cells.map(\.count).max() ?? 0
        guard columns > 0 else { return }
        var header: [[Inline]]
        var body: [[[Inline]]]
        if headerRow != nil {
            header = cells[0]
            body = Array(cells.dropFirst())
        } else {
            header = []
            body = cells
            alignments = []
        }
        while header.count < columns { header.append([]) }
        while alignments.count < columns { alignments.append(.none) }
        if alignments.count > columns { alignments.removeLast(alignments.count - columns) }
        var caption: [Inline] = []
        if let node = dom.elementChildren(table).first(where: { dom.name($0) == "caption" }) {
            caption = InlineWhitespace.normalize(inlines(of: node))
        }
        out.append(.table(Table(alignments: alignments, header: header, rows: body, caption: caption)))
    }

    private func collectRows(_ node: NodeID, into rows: inout [NodeID]) {
        for child in dom.elementChildren(node) {
            switch dom.name(child) {
            case "tr": rows.append(child)
            case "thead", "tbody", "tfoot": collectRows(child, into: &rows)
            default: break
            }
        }
    }

    private func alignment(of cell: NodeID) -> TableAlignment {
        var value = dom.attribute(cell, "align")?.lowercased() ?? ""
        if value.isEmpty, let style = dom.attribute(cell, "style")?.lowercased(), let range = style.firstRange(of: "text-align") {
            value = String(style[range.upperBound...].drop { $0 == ":" || $0 == " " }.prefix { $0.isLetter })
        }
        switch value {
        case "left", "start": return .left
        case "center": return .center
        case "right", "end": return .right
        default: return .none
        }
    }

    /// A cell's content as one line: blocks inside it joined with spaces.
    private func cellInlines(_ cell: NodeID) -> [Inline] {
        guard isBlockish(cell) && dom.elementChildren(cell).contains(where: isBlockish) else {
            return InlineWhitespace.normalize(inlines(of: cell))
        }
        var blocks: [Block] = []
        appendChildren(of: cell, to: &blocks)
        var line: [Inline] = []
        for block in blocks {
            let text = Self.inlineContent(of: block)
            guard !text.isEmpty else { continue }
            if !line.isEmpty { line.append(.text(" ")) }
            line += text
        }
        return InlineWhitespace.normalize(line)
    }

    private static func inlineContent(of block: Block) -> [Inline] {
        switch block {
        case .paragraph(let content), .heading(_, let content): return content
        case .figure(let figure): return figure.caption
        case .codeBlock(_, let text): return [.code(text.collapsingWhitespace)]
        case .blockQuote(let blocks): return blocks.flatMap { inlineContent(of: $0) + [.text(" ")] }
        case .list(let list): return list.items.flatMap { $0.blocks.flatMap { inlineContent(of: $0) + [.text(" ")] } }
        case .table(let table): return (table.header + table.rows.flatMap { $0 }).flatMap { $0 + [.text(" ")] }
        case .thematicBreak, .rawHTML: return []
        }
    }

    // MARK: Inlines

    private func inlines(of node: NodeID) -> [Inline] {
        var credits: [String]? = nil
        return inlines(of: node, creditsInto: &credits, includeSelf: false)
    }

    private func inlines(of node: NodeID, credits: inout [String], includeSelf: Bool = false) -> [Inline] {
        var sink: [String]? = []
        let result = inlines(of: node, creditsInto: &sink, includeSelf: includeSelf)
        credits += sink ?? []
        return result
    }

    private func inlines(of node: NodeID, creditsInto credits: inout [String]?, includeSelf: Bool) -> [Inline] {
        var out: [Inline] = []
        if includeSelf {
            appendInline(node, to: &out, credits: &credits)
        } else {
            var child = dom[node].firstChild
            while child != HTMLDOM.none {
                appendInline(child, to: &out, credits: &credits)
                child = dom[child].next
            }
        }
        return out
    }

    private func appendInline(_ node: NodeID, to out: inout [Inline]) {
        var credits: [String]? = nil
        appendInline(node, to: &out, credits: &credits)
    }

    /// Appends the inline content of `node`. With `credits` non-nil (in captions), elements
    /// whose class names a credit go there instead.
    private func appendInline(_ node: NodeID, to out: inout [Inline], credits: inout [String]?) {
        if dom[node].isText {
            out.append(.text(dom[node].text))
            return
        }
        let name = dom.name(node)
        if credits != nil, Self.creditWords.matches(dom.className(node)) {
            credits?.append(dom.textContent(node))
            return
        }
        func children() -> [Inline] {
            var inner: [Inline] = []
            var child = dom[node].firstChild
            while child != HTMLDOM.none {
                appendInline(child, to: &inner, credits: &credits)
                child = dom[child].next
            }
            return inner
        }
        switch name {
        case "br":
            out.append(.hardBreak)
        case "em", "i", "cite", "dfn", "var":
            out.append(.emphasis(children()))
        case "strong", "b":
            out.append(.strong(children()))
        case "del", "s", "strike":
            out.append(.strikethrough(children()))
        case "code", "kbd", "samp", "tt":
            let text = dom.textContent(node).collapsingHTMLWhitespace
            if !text.isEmpty { out.append(.code(text)) }
        case "a":
            let content = children()
            guard let href = dom.attribute(node, "href")?.trimmingJSWhitespace, !href.isEmpty,
                !href.lowercased().hasPrefix("javascript:")
            else {
                out += content
                return
            }
            let title = dom.attribute(node, "title").flatMap { $0.isEmpty ? nil : $0 }
            out.append(.link(Link(destination: URLReference.resolve(href, against: baseURL), title: title, content: content)))
        case "img":
            guard let source = imageSource(node) else { return }
            let alt = dom.attribute(node, "alt")?.collapsingWhitespace ?? ""
            out.append(.image(InlineImage(source: source, title: dom.attribute(node, "title"), alt: alt.isEmpty ? [] : [.text(alt)])))
        case "q":
            out.append(.text("\u{201C}"))
            out += children()
            out.append(.text("\u{201D}"))
        default:
            if Self.ignoredElements.contains(name) { return }
            if isBlockish(node) {
                // Block content inside inline content (a <div> in a <span>): keep its text.
                out.append(.text(" "))
                out += children()
                out.append(.text(" "))
            } else {
                out += children()
            }
        }
    }
}

extension String {
    /// ASCII whitespace runs made single spaces and trimmed; no-break spaces kept.
    fileprivate var collapsingHTMLWhitespace: String {
        var out = String.UnicodeScalarView()
        var pending = false
        for scalar in unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" {
                pending = true
            } else {
                if pending { out.append(" ") }
                pending = false
                out.append(scalar)
            }
        }
        return String(out).trimmingJSWhitespace
    }
}
