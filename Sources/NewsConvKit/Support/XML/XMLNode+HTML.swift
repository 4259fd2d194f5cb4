internal import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

// Sibling-by-sibling navigation for walking big HTML trees without building a children array
// per node (the HTML reader copies libxml2's tree into its own mutable DOM this way).
extension XMLNode {
    /// The first child node of any kind, or nil.
    var firstChild: XMLNode? {
        guard let child = pointer.pointee.children else { return nil }
        return XMLNode(child, document: document)
    }

    /// The next sibling node of any kind, or nil.
    var nextSibling: XMLNode? {
        guard let next = pointer.pointee.next else { return nil }
        return XMLNode(next, document: document)
    }

    /// The text of a text or CDATA node as UTF-8 bytes, without building a `String` first.
    func withTextBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard kind == .text, let content = pointer.pointee.content else {
            return body(UnsafeBufferPointer(start: nil, count: 0))
        }
        return body(UnsafeBufferPointer(start: content, count: strlen(content)))
    }
}

extension XMLNode {
    /// Calls `body` with each attribute's name and value, without building an array (namespace
    /// prefixes are ignored, as HTML has none).
    func forEachAttribute(_ body: (String, String) -> Void) {
        var attr = pointer.pointee.properties
        while let a = attr {
            let name = a.pointee.name.map { String(cString: $0) } ?? ""
            var value = ""
            var child = a.pointee.children
            while let c = child {
                if c.pointee.type == XML_TEXT_NODE, let content = c.pointee.content { value += String(cString: content) }
                child = c.pointee.next
            }
            body(name, value)
            attr = a.pointee.next
        }
    }

    /// True when this is an element named `name` (compared without building a `String`).
    func isElement(named name: StaticString) -> Bool {
        guard pointer.pointee.type == XML_ELEMENT_NODE, let own = pointer.pointee.name else { return false }
        return name.withUTF8Buffer { expected in
            for i in 0..<expected.count where own[i] != expected[i] { return false }
            return own[expected.count] == 0
        }
    }
}
