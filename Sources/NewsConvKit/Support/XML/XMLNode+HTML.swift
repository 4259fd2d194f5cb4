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
