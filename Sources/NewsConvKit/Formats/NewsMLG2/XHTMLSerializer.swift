/// Writes a parsed HTML (or XHTML) tree as well-formed XHTML markup: every element closed,
/// void elements written `<br />`, text and attribute values escaped through ``Escaping``.
///
/// What XML cannot carry is left out and named in ``dropped`` so that the caller can warn:
/// elements and attributes whose names are not XML names (`o:p`, `@click`), namespace
/// declarations, and `script`, `style` and `template` elements. Comments and processing
/// instructions are not content and are left out silently. The `html`, `head` and `body`
/// wrappers the HTML parser adds around a fragment are unwrapped.
struct XHTMLSerializer {
    /// What was left out, for a warning (`script`, `attribute "@click"`).
    private(set) var dropped: Set<String> = []

    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]
    private static let droppedElements: Set<String> = ["script", "style", "template"]
    private static let wrappers: Set<String> = ["html", "head", "body"]
    private static let maximumDepth = 512

    /// Appends the XHTML of each child of `node`.
    mutating func appendChildren(of node: XMLNode, to out: inout [UInt8], depth: Int = 0) {
        for child in node.children { append(child, to: &out, depth: depth) }
    }

    /// Appends the XHTML of `node` and everything below it; the `html`/`head`/`body` wrappers
    /// contribute only their children.
    mutating func append(_ node: XMLNode, to out: inout [UInt8], depth: Int = 0) {
        switch node.kind {
        case .text:
            Escaping.appendXML(node.text, to: &out)
        case .comment, .other:
            return
        case .element:
            let name = node.name.lowercased()
            if Self.wrappers.contains(name) {
                appendChildren(of: node, to: &out, depth: depth)
                return
            }
            if Self.droppedElements.contains(name) {
                dropped.insert(name)
                return
            }
            guard depth < Self.maximumDepth else {
                dropped.insert("markup nested deeper than \(Self.maximumDepth) levels")
                Escaping.appendXML(node.textContent, to: &out)
                return
            }
            guard Self.isXMLName(name) else {
                dropped.insert("<\(name)>")
                appendChildren(of: node, to: &out, depth: depth + 1)
                return
            }
            out.append(UInt8(ascii: "<"))
            out += Array(name.utf8)
            var seen: Set<String> = []
            for attribute in node.attributes {
                var key = attribute.name.lowercased()
                if attribute.prefix == "xml" || key == "xml:lang" || key == "xml:space" {
                    key = "xml:" + (key.hasPrefix("xml:") ? String(key.dropFirst(4)) : key)
                    guard key == "xml:lang" || key == "xml:space" else { continue }
                } else if key == "xmlns" || key.hasPrefix("xmlns:") || attribute.prefix == "xmlns" {
                    continue
                } else if attribute.prefix != nil || !Self.isXMLName(key) {
                    dropped.insert("attribute \"\(attribute.prefix.map { $0 + ":" } ?? "")\(key)\"")
                    continue
                }
                guard seen.insert(key).inserted else { continue }
                out.append(32)
                out += Array(key.utf8)
                out += Array("=\"".utf8)
                Escaping.appendXMLAttribute(attribute.value, to: &out)
                out.append(UInt8(ascii: "\""))
            }
            if Self.voidElements.contains(name) {
                out += Array(" />".utf8)
                return
            }
            out.append(UInt8(ascii: ">"))
            appendChildren(of: node, to: &out, depth: depth + 1)
            out += Array("</".utf8)
            out += Array(name.utf8)
            out.append(UInt8(ascii: ">"))
        }
    }

    /// The XHTML of `node` as a string.
    mutating func markup(of node: XMLNode) -> String {
        var out: [UInt8] = []
        append(node, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// True for an XML name without a colon: a letter or `_`, then letters, digits, `-`, `.`, `_`.
    static func isXMLName(_ name: String) -> Bool {
        var first = true
        for scalar in name.unicodeScalars {
            let ok: Bool
            if scalar.isASCII {
                let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
                ok = first ? isLetter : isLetter || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "."
            } else {
                ok = scalar.properties.isAlphabetic || (!first && scalar.properties.numericType != nil)
            }
            if !ok { return false }
            first = false
        }
        return !first
    }
}
