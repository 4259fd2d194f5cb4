/// Rewrites the images and links of a story body. Writing a book, images point at their packed
/// copies (or give way to their alt text) and links that would lead out of the book are
/// unlinked; reading one, images packed in the book become `data:` URLs.
struct EPUBBodyPreparer {
    /// The new source of an image (given its source and alt text), or nil to use the alt text.
    let image: (_ source: String, _ alt: String) -> String?
    /// Whether a link to this destination stays a link.
    let keepsLink: (_ destination: String) -> Bool

    /// Rewrites for a book being written, through `linker`.
    init(linker: EPUBResourceLinker) {
        image = { linker.image($0, alt: $1) }
        keepsLink = { linker.keepsLink($0) }
    }

    init(image: @escaping (_ source: String, _ alt: String) -> String?, keepsLink: @escaping (_ destination: String) -> Bool) {
        self.image = image
        self.keepsLink = keepsLink
    }

    func prepare(_ blocks: [Block]) -> [Block] {
        blocks.compactMap(prepare)
    }

    private func prepare(_ block: Block) -> Block? {
        switch block {
        case .paragraph(let inlines):
            return .paragraph(prepare(inlines))
        case .heading(let level, let inlines):
            return .heading(level: level, content: prepare(inlines))
        case .blockQuote(let blocks):
            return .blockQuote(prepare(blocks))
        case .list(var list):
            for i in list.items.indices { list.items[i].blocks = prepare(list.items[i].blocks) }
            return .list(list)
        case .codeBlock, .thematicBreak, .rawHTML:
            return block
        case .table(var table):
            table.header = table.header.map(prepare)
            table.rows = table.rows.map { $0.map(prepare) }
            table.caption = prepare(table.caption)
            return .table(table)
        case .figure(var figure):
            figure.caption = prepare(figure.caption)
            if let image = figure.image {
                if let href = self.image(image.source, image.alt) {
                    figure.image?.source = href
                } else {
                    figure.image = nil
                    if figure.caption.isEmpty && !image.alt.isEmpty { figure.caption = [.text(image.alt)] }
                }
            }
            if figure.image == nil && figure.caption.isEmpty && figure.credit == nil { return nil }
            return .figure(figure)
        }
    }

    func prepare(_ inlines: [Inline]) -> [Inline] {
        var out: [Inline] = []
        out.reserveCapacity(inlines.count)
        for inline in inlines {
            switch inline {
            case .text, .code, .softBreak, .hardBreak, .rawHTML:
                out.append(inline)
            case .emphasis(let content):
                out.append(.emphasis(prepare(content)))
            case .strong(let content):
                out.append(.strong(prepare(content)))
            case .strikethrough(let content):
                out.append(.strikethrough(prepare(content)))
            case .link(var link):
                link.content = prepare(link.content)
                if keepsLink(link.destination) { out.append(.link(link)) } else { out += link.content }
            case .image(var image):
                image.alt = prepare(image.alt)
                if let href = self.image(image.source, image.alt.plainText) {
                    image.source = href
                    out.append(.image(image))
                } else {
                    out += image.alt
                }
            }
        }
        return out
    }

    /// True when `block` holds raw HTML anywhere, so it must go through ``XHTMLSanitizer``.
    static func containsRawHTML(_ block: Block) -> Bool {
        switch block {
        case .paragraph(let inlines), .heading(_, let inlines): return containsRawHTML(inlines)
        case .blockQuote(let blocks): return blocks.contains(where: containsRawHTML)
        case .list(let list): return list.items.contains { $0.blocks.contains(where: containsRawHTML) }
        case .codeBlock, .thematicBreak: return false
        case .rawHTML: return true
        case .table(let table):
            return containsRawHTML(table.caption) || table.header.contains(where: containsRawHTML)
                || table.rows.contains { $0.contains(where: containsRawHTML) }
        case .figure(let figure): return containsRawHTML(figure.caption)
        }
    }

    static func containsRawHTML(_ inlines: [Inline]) -> Bool {
        inlines.contains { inline in
            switch inline {
            case .text, .code, .softBreak, .hardBreak: false
            case .rawHTML: true
            case .emphasis(let c), .strong(let c), .strikethrough(let c): containsRawHTML(c)
            case .link(let link): containsRawHTML(link.content)
            case .image(let image): containsRawHTML(image.alt)
            }
        }
    }
}
