/// Writes a story body as XHTML inside `contentSet/inlineXML` (`application/xhtml+xml`).
///
/// Blocks are rendered by ``HTMLBodyRenderer`` in its XML mode (the same CommonMark-exact HTML
/// the HTML writer makes, with XML's escaping), which is well-formed XML except for raw HTML. A block that holds raw HTML, anywhere
/// inside it, is rendered, parsed with libxml2's HTML parser and written back through
/// ``XHTMLSerializer``, so whatever the raw HTML was, the result is well-formed; what had to be
/// left out is reported as a warning.
struct XHTMLBodyWriter {
    let context: WriteContext
    private let renderer = HTMLBodyRenderer(writesXML: true)
    /// For raw HTML, which is rendered only to be parsed again.
    private let htmlRenderer = HTMLBodyRenderer()

    init(context: WriteContext) {
        self.context = context
    }

    /// Appends `<inlineXML …><html …>…</html></inlineXML>` for `story`.
    func write(_ story: Story, into out: inout XMLBuilder, depth: Int) {
        out.newline(depth)
        out.open("inlineXML", [("contenttype", NewsMLVocabulary.xhtmlContentType)])
        out.newline(depth + 1)
        out.open("html", [("xmlns", NewsMLVocabulary.xhtmlNamespace)])
        out.raw("<head><title>")
        out.text(NewsMLVocabulary.normalized(story.metadata.headline ?? ""))
        out.raw("</title></head><body>\n")
        for block in story.body {
            if block.containsRawHTML {
                appendConverted(block, to: &out.bytes)
            } else {
                renderer.render([block], into: &out.bytes)
            }
        }
        if out.bytes.last != 10 { out.bytes.append(10) }
        out.raw("</body></html>")
        out.newline(depth)
        out.close("inlineXML")
    }

    private func appendConverted(_ block: Block, to out: inout [UInt8]) {
        var html: [UInt8] = []
        htmlRenderer.render([block], into: &html)
        guard let document = try? XMLDocument.parseHTML(html, encoding: "UTF-8"), let root = document.root else {
            context.warn("raw HTML could not be parsed; kept as text in the NewsML-G2 XHTML body")
            out += Array("<p>".utf8)
            Escaping.appendXML(block.plainText, to: &out)
            out += Array("</p>\n".utf8)
            return
        }
        var serializer = XHTMLSerializer()
        if out.last != 10 { out.append(10) }
        serializer.append(root, to: &out)
        if out.last != 10 { out.append(10) }
        if !serializer.dropped.isEmpty {
            context.warn("raw HTML converted to XHTML for NewsML-G2 without " + serializer.dropped.sorted().joined(separator: ", "))
        }
    }
}
