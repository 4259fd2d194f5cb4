/// Turning parsed inline nodes into the shared AST: adjacent text merged into one `.text`,
/// GFM e-mail autolinks found in the merged text, and nesting beyond a limit kept as the
/// HTML the reference renderer would give, so deep input cannot make a deep AST.
extension MarkdownInlineParser {
    /// The AST of the last parsed block's inlines. Containers nested deeper than `maxDepth`
    /// are kept as raw HTML (or as plain text inside an image description).
    mutating func inlines(maxDepth: Int) -> [Inline] {
        pending.removeAll(keepingCapacity: true)
        return children(of: 0, depth: 0, linkEmails: extensions.contains(.autolinks), inImage: false, maxDepth: maxDepth)
    }

    /// Calls `body` with the bytes of a text, code or HTML node.
    private func withBytes(_ node: Node, _ body: (Bytes) -> Void) {
        if node.inExtra {
            extra.withUnsafeBufferPointer { body(Bytes(rebasing: $0[Int(node.start)..<Int(node.end)])) }
        } else {
            body(Bytes(rebasing: p[Int(node.start)..<Int(node.end)]))
        }
    }

    private func string(_ node: Node) -> String {
        if node.inExtra { return String(decoding: extra[Int(node.start)..<Int(node.end)], as: UTF8.self) }
        return String(decoding: Bytes(rebasing: p[Int(node.start)..<Int(node.end)]), as: UTF8.self)
    }

    private mutating func flush(_ out: inout [Inline], linkEmails: Bool) {
        guard !pending.isEmpty else { return }
        if linkEmails && pending.contains(UInt8(ascii: "@")) {
            Self.appendLinkingEmails(pending, to: &out)
        } else {
            out.append(.text(String(decoding: pending, as: UTF8.self)))
        }
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func children(of parent: Int32, depth: Int, linkEmails: Bool, inImage: Bool, maxDepth: Int) -> [Inline] {
        var out: [Inline] = []
        var child = nodes[Int(parent)].firstChild
        while child >= 0 {
            let node = nodes[Int(child)]
            switch node.kind {
            case .text:
                if node.end > node.start {
                    if node.inExtra {
                        pending.append(contentsOf: extra[Int(node.start)..<Int(node.end)])
                    } else {
                        pending.append(contentsOf: Bytes(rebasing: p[Int(node.start)..<Int(node.end)]))
                    }
                }
            case .softBreak:
                flush(&out, linkEmails: linkEmails)
                out.append(.softBreak)
            case .hardBreak:
                flush(&out, linkEmails: linkEmails)
                out.append(.hardBreak)
            case .code:
                flush(&out, linkEmails: linkEmails)
                out.append(.code(string(node)))
            case .html:
                flush(&out, linkEmails: linkEmails)
                out.append(.rawHTML(string(node)))
            case .emphasis, .strong, .strikethrough, .link, .image:
                flush(&out, linkEmails: linkEmails)
                if depth >= maxDepth {
                    nestingTruncated = true
                    var html: [UInt8] = []
                    renderHTML(child, alt: inImage, into: &html)
                    let text = String(decoding: html, as: UTF8.self)
                    out.append(inImage ? .text(text) : .rawHTML(text))
                    break
                }
                let isLink = node.kind == .link || node.kind == .image
                let isImage = inImage || node.kind == .image
                let inner = children(of: child, depth: depth + 1, linkEmails: linkEmails && !isLink, inImage: isImage, maxDepth: maxDepth)
                switch node.kind {
                case .emphasis: out.append(.emphasis(inner))
                case .strong: out.append(.strong(inner))
                case .strikethrough: out.append(.strikethrough(inner))
                case .link:
                    let target = links[Int(node.start)]
                    out.append(.link(Link(destination: target.destination, title: target.title, content: inner)))
                default:
                    let target = links[Int(node.start)]
                    out.append(.image(InlineImage(source: target.destination, title: target.title, alt: inner)))
                }
            case .root:
                break
            }
            child = node.next
        }
        flush(&out, linkEmails: linkEmails)
        return out
    }

    /// Renders the subtree at `root` as HTML without recursion; with `alt`, as the plain text
    /// of an image description.
    private func renderHTML(_ root: Int32, alt: Bool, into out: inout [UInt8]) {
        let renderer = HTMLBodyRenderer()
        var stack: [(node: Int32, entering: Bool)] = [(root, true)]
        var altDepth = alt ? 1 : 0
        while let (index, entering) = stack.popLast() {
            let node = nodes[Int(index)]
            if !entering {
                switch node.kind {
                case .emphasis: if altDepth == 0 { renderer.append("</em>", &out) }
                case .strong: if altDepth == 0 { renderer.append("</strong>", &out) }
                case .strikethrough: if altDepth == 0 { renderer.append("</del>", &out) }
                case .link: if altDepth == 0 { renderer.append("</a>", &out) }
                case .image:
                    altDepth -= 1
                    if altDepth == 0 { renderer.closeImage(title: links[Int(node.start)].title, &out) }
                default: break
                }
                continue
            }
            switch node.kind {
            case .text:
                withBytes(node) { Escaping.appendHTML(bytes: $0, to: &out) }
            case .code:
                if altDepth == 0 { renderer.append("<code>", &out) }
                withBytes(node) { Escaping.appendHTML(bytes: $0, to: &out) }
                if altDepth == 0 { renderer.append("</code>", &out) }
            case .html:
                withBytes(node) { if altDepth == 0 { out.append(contentsOf: $0) } else { Escaping.appendHTML(bytes: $0, to: &out) } }
            case .softBreak:
                out.append(altDepth == 0 ? 10 : 32)
            case .hardBreak:
                if altDepth == 0 { renderer.append("<br />\n", &out) } else { out.append(32) }
            case .emphasis, .strong, .strikethrough, .link, .image, .root:
                if altDepth == 0 {
                    switch node.kind {
                    case .emphasis: renderer.append("<em>", &out)
                    case .strong: renderer.append("<strong>", &out)
                    case .strikethrough: renderer.append("<del>", &out)
                    case .link:
                        let target = links[Int(node.start)]
                        renderer.openLink(destination: target.destination, title: target.title, &out)
                    case .image: renderer.openImage(source: links[Int(node.start)].destination, &out)
                    default: break
                    }
                }
                if node.kind == .image { altDepth += 1 }
                stack.append((index, false))
                var c = node.lastChild
                while c >= 0 {
                    stack.append((c, true))
                    c = nodes[Int(c)].prev
                }
            }
        }
    }
}
