/// Writes a story body as XHTML inside `contentSet/inlineXML` (`application/xhtml+xml`).
///
/// Blocks are rendered by ``HTMLBodyRenderer`` (the same CommonMark-exact HTML the HTML writer
/// makes), which is well-formed XML except for raw HTML. A block that holds raw HTML, anywhere
/// inside it, is rendered, parsed with libxml2's HTML parser and written back through
/// ``XHTMLSerializer``, so whatever the raw HTML was, the result is well-formed; what had to be
/// left out is reported as a warning.
struct XHTMLBodyWriter {
    let context: WriteContext
    private let renderer = HTMLBodyRenderer()

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
                let start = out.bytes.count
                renderer.render([block], into: &out.bytes)
                Escaping.removeNonXMLCharacters(from: &out.bytes, startingAt: start)
                Self.protectAttributeWhitespace(in: &out.bytes, from: start)
            }
        }
        if out.bytes.last != 10 { out.bytes.append(10) }
        out.raw("</body></html>")
        out.newline(depth)
        out.close("inlineXML")
    }

    /// Writes tabs and line breaks inside attribute values (a link title over several lines)
    /// as character references, which XML's attribute-value normalisation would otherwise turn
    /// into spaces. In the renderer's output every `<` starts a tag and no `>` occurs inside one
    /// (text and attribute values have them escaped), so tags are found by a plain scan.
    static func protectAttributeWhitespace(in bytes: inout [UInt8], from start: Int) {
        var insideTag = false
        var needed = false
        for byte in bytes[start...] {
            if byte == UInt8(ascii: "<") { insideTag = true } else if byte == UInt8(ascii: ">") { insideTag = false }
            else if insideTag, byte == 9 || byte == 10 || byte == 13 { needed = true; break }
        }
        guard needed else { return }
        let tail = Array(bytes[start...])
        bytes.removeSubrange(start...)
        insideTag = false
        for byte in tail {
            switch byte {
            case UInt8(ascii: "<"): insideTag = true; bytes.append(byte)
            case UInt8(ascii: ">"): insideTag = false; bytes.append(byte)
            case 9 where insideTag: bytes += Array("&#9;".utf8)
            case 10 where insideTag: bytes += Array("&#10;".utf8)
            case 13 where insideTag: bytes += Array("&#13;".utf8)
            default: bytes.append(byte)
            }
        }
    }

    private func appendConverted(_ block: Block, to out: inout [UInt8]) {
        var html: [UInt8] = []
        renderer.render([block], into: &html)
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
