internal import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// A node of an ``XMLDocument``: an element, text or comment. Keeps its document alive.
public struct XMLNode: @unchecked Sendable {
    let pointer: xmlNodePtr
    let document: XMLDocument

    init(_ pointer: xmlNodePtr, document: XMLDocument) {
        self.pointer = pointer
        self.document = document
    }

    /// What kind of node this is.
    public enum Kind: Sendable { case element, text, comment, other }

    /// What kind of node this is. CDATA counts as text; entity references as `other`.
    public var kind: Kind {
        switch pointer.pointee.type {
        case XML_ELEMENT_NODE: .element
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: .text
        case XML_COMMENT_NODE: .comment
        default: .other
        }
    }

    /// True for elements.
    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    /// The local name of an element (`newsItem`, `p`); HTML names are lower case.
    public var name: String {
        guard let name = pointer.pointee.name else { return "" }
        return String(cString: name)
    }

    /// The namespace URI of an element, if any.
    public var namespaceURI: String? {
        guard let ns = pointer.pointee.ns, let href = ns.pointee.href else { return nil }
        return String(cString: href)
    }

    /// The line the node starts on (1-based), when libxml2 recorded it.
    public var line: Int? {
        let l = Int(xmlGetLineNo(pointer))
        return l > 0 ? l : nil
    }

    /// The text of a text node (empty for other kinds).
    public var text: String {
        guard kind == .text || kind == .comment, let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    /// The child nodes, in order.
    public var children: [XMLNode] {
        var result: [XMLNode] = []
        var child = pointer.pointee.children
        while let c = child {
            result.append(XMLNode(c, document: document))
            child = c.pointee.next
        }
        return result
    }

    /// The child elements, in order.
    public var elements: [XMLNode] { children.filter(\.isElement) }

    /// The child elements with local name `name`.
    public func elements(named name: String) -> [XMLNode] { elements.filter { $0.name == name } }

    /// The first child element with local name `name`.
    public func element(named name: String) -> XMLNode? {
        var child = pointer.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE, let n = c.pointee.name, String(cString: n) == name {
                return XMLNode(c, document: document)
            }
            child = c.pointee.next
        }
        return nil
    }

    /// The parent element, if any.
    public var parent: XMLNode? {
        guard let p = pointer.pointee.parent, p.pointee.type == XML_ELEMENT_NODE else { return nil }
        return XMLNode(p, document: document)
    }

    /// The value of the attribute `name` (no namespace, or any namespace when `anyNamespace`).
    public func attribute(_ name: String) -> String? {
        var attr = pointer.pointee.properties
        while let a = attr {
            if let n = a.pointee.name, String(cString: n) == name {
                return Self.attributeValue(a)
            }
            attr = a.pointee.next
        }
        return nil
    }

    /// All attributes as (local name, namespace prefix or nil, value), in document order.
    public var attributes: [(name: String, prefix: String?, value: String)] {
        var result: [(String, String?, String)] = []
        var attr = pointer.pointee.properties
        while let a = attr {
            let name = a.pointee.name.map { String(cString: $0) } ?? ""
            let prefix = a.pointee.ns?.pointee.prefix.map { String(cString: $0) }
            result.append((name, prefix, Self.attributeValue(a)))
            attr = a.pointee.next
        }
        return result
    }

    private static func attributeValue(_ attr: xmlAttrPtr) -> String {
        var out = ""
        var child = attr.pointee.children
        while let c = child {
            if c.pointee.type == XML_TEXT_NODE, let content = c.pointee.content { out += String(cString: content) }
            child = c.pointee.next
        }
        return out
    }

    /// All text below this node, from text nodes only (entity references are not expanded).
    public var textContent: String {
        var bytes: [UInt8] = []
        appendText(pointer, to: &bytes, depth: 0)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func appendText(_ node: xmlNodePtr, to bytes: inout [UInt8], depth: Int) {
        // Iterative over siblings, recursive over depth (bounded by libxml2's own depth limit).
        if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE {
            if let content = node.pointee.content {
                bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(content)))
            }
            return
        }
        guard node.pointee.type == XML_ELEMENT_NODE || node.pointee.type == XML_DOCUMENT_NODE
            || node.pointee.type == XML_HTML_DOCUMENT_NODE, depth < 10_000 else { return }
        var child = node.pointee.children
        while let c = child {
            appendText(c, to: &bytes, depth: depth + 1)
            child = c.pointee.next
        }
    }

    /// The element and everything below it serialised as XML (or HTML for HTML documents).
    public var outerXML: String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        xmlNodeDump(buffer, document.pointer, pointer, 0, 0)
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }
}
