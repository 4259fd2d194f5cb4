/// Makes HTML that a story carries as raw HTML fit for an EPUB content document: parsed with
/// libxml2's forgiving HTML parser and written back as well-formed XHTML, keeping only HTML5
/// elements and attributes that EPUB reading systems and epubcheck accept. The output is also
/// read the same by an HTML parser (every non-void element is closed explicitly), which is how
/// ``EPUBReader`` hands chapter content to the HTML reader.
///
/// Scripts, styles, forms, frames and embedded objects are dropped; obsolete or unknown elements
/// (`<font>`, `<center>`) are replaced by their content; images and links go through the same
/// rules as the rest of the book. Anything removed is reported once. (To write content out as it
/// is, without these rules, use ``XHTMLSerializer``.)
struct XHTMLSanitizer {
    /// The `src` to write for an image (given its `src` and `alt`), or nil to write its alt text.
    var image: (_ source: String, _ alt: String) -> String?
    /// Whether a link keeps its `href`.
    var keepsLink: (_ destination: String) -> Bool
    /// Where warnings go.
    var warn: (String) -> Void

    /// A sanitizer for a book being written: images and links follow `linker`.
    init(linker: EPUBResourceLinker, warn: @escaping (String) -> Void) {
        image = { linker.image($0, alt: $1) }
        keepsLink = { linker.keepsLink($0) }
        self.warn = warn
    }

    /// Elements kept as they are.
    static let allowed: Set<String> = [
        "a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite",
        "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "i", "img", "ins", "kbd", "li",
        "main", "mark", "nav", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section", "small", "span",
        "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
        "var", "wbr",
    ]
    /// Elements written as `<x />`.
    static let void: Set<String> = ["br", "col", "hr", "img", "wbr"]
    /// Elements dropped with everything inside them.
    static let dropped: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet",
        "form", "input", "button", "select", "textarea", "option", "canvas", "audio", "video", "source", "track",
        "svg", "math", "head", "title", "meta", "link", "base", "param", "map", "area", "dialog",
    ]
    /// Obsolete elements replaced by an HTML5 one.
    static let renamed: [String: String] = ["strike": "s", "tt": "code", "acronym": "abbr", "center": "div", "big": "strong"]

    /// `html` (a fragment) as well-formed XHTML, appended to `out`.
    func append(html: [UInt8], to out: inout [UInt8]) {
        guard let document = try? XMLDocument.parseHTML(html, encoding: "UTF-8"), let root = document.root else {
            warn("raw HTML that cannot be parsed was left out")
            return
        }
        let body = root.name == "body" ? root : root.element(named: "body")
        let removed = append(nodes: body?.children ?? [], to: &out)
        if !removed.isEmpty {
            warn("raw HTML cleaned up for EPUB; left out: "
                 + removed.sorted().map { $0.contains(" ") ? $0 : "<\($0)>" }.joined(separator: ", "))
        }
    }

    /// `nodes` (of a parsed document) as well-formed XHTML, appended to `out`; returns the names
    /// of the elements left out.
    @discardableResult
    func append(nodes: [XMLNode], to out: inout [UInt8]) -> Set<String> {
        var removed: Set<String> = []
        for node in nodes { append(node, to: &out, removed: &removed, depth: 0) }
        return removed
    }

    private func append(_ node: XMLNode, to out: inout [UInt8], removed: inout Set<String>, depth: Int) {
        switch node.kind {
        case .text:
            Escaping.appendXML(node.text, to: &out)
        case .comment, .other:
            return
        case .element:
            var name = node.name.lowercased()
            if Self.dropped.contains(name) {
                removed.insert(name)
                return
            }
            if depth > 200 {
                // Too deep for reading systems: the text stays, the markup goes.
                removed.insert("markup nested deeper than 200 levels")
                Escaping.appendXML(node.textContent, to: &out)
                return
            }
            if let replacement = Self.renamed[name] { name = replacement }
            guard Self.allowed.contains(name) else {
                if name != "html" && name != "body" { removed.insert(name) }
                for child in node.children { append(child, to: &out, removed: &removed, depth: depth + 1) }
                return
            }
            var attributes: [(String, String)] = []
            for attribute in node.attributes where attribute.prefix == nil {
                if let kept = keep(attribute.name.lowercased(), attribute.value, element: name) { attributes.append(kept) }
            }
            if name == "img" {
                guard let source = attributes.first(where: { $0.0 == "src" })?.1 else {
                    removed.insert("img without src")
                    return
                }
                let alt = attributes.first(where: { $0.0 == "alt" })?.1 ?? ""
                guard let href = image(source, alt) else {
                    Escaping.appendXML(alt, to: &out)
                    return
                }
                attributes.removeAll { $0.0 == "src" || $0.0 == "alt" }
                attributes.insert(("alt", alt), at: 0)
                attributes.insert(("src", href), at: 0)
            }
            if name == "a", let index = attributes.firstIndex(where: { $0.0 == "href" }),
               !keepsLink(attributes[index].1) {
                attributes.remove(at: index)
            }
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: name.utf8)
            for (key, value) in attributes {
                out.append(32)
                out.append(contentsOf: key.utf8)
                out.append(contentsOf: "=\"".utf8)
                Escaping.appendXML(value, to: &out)
                out.append(UInt8(ascii: "\""))
            }
            if Self.void.contains(name) {
                out.append(contentsOf: " />".utf8)
                return
            }
            out.append(UInt8(ascii: ">"))
            for child in node.children { append(child, to: &out, removed: &removed, depth: depth + 1) }
            out.append(contentsOf: "</\(name)>".utf8)
        }
    }

    /// The attribute as kept, or nil to leave it out.
    private func keep(_ name: String, _ value: String, element: String) -> (String, String)? {
        func number() -> (String, String)? {
            !value.isEmpty && value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) && value.utf8.count < 6 ? (name, value) : nil
        }
        switch name {
        case "class", "title", "dir": return (name, value)
        case "lang": return value.isEmpty ? nil : (name, value)
        case "href" where element == "a": return (name, value)
        case "src" where element == "img", "alt" where element == "img": return (name, value)
        case "width" where element == "img", "height" where element == "img": return number()
        case "colspan" where element == "td" || element == "th", "rowspan" where element == "td" || element == "th":
            return number()
        case "start" where element == "ol", "value" where element == "li": return number()
        case "reversed" where element == "ol": return (name, "reversed")
        case "align" where element == "td" || element == "th":
            let alignment = value.lowercased()
            return ["left", "center", "right"].contains(alignment) ? ("style", "text-align: " + alignment) : nil
        case "datetime" where element == "time" && Timestamp(value).isISO8601: return (name, value)
        default: return nil
        }
    }
}
