/// Builds XML in one growing byte buffer: elements, attributes and text, escaped through
/// ``Escaping``. The NewsML-G2 metadata is indented two spaces a level; content whose
/// whitespace matters (a body) is appended as is with ``raw(_:)``.
struct XMLBuilder {
    /// The XML so far.
    var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(16 * 1024)
    }

    /// Appends `text` unescaped.
    mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends `text` unescaped (markup made elsewhere, or a name known to be safe).
    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends `text` escaped as XML character data.
    mutating func text(_ text: String) {
        Escaping.appendXML(text, to: &bytes)
    }

    /// Starts a new line indented for `depth`.
    mutating func newline(_ depth: Int) {
        bytes.append(10)
        for _ in 0..<depth { bytes.append(32); bytes.append(32) }
    }

    /// Appends a start tag, leaving out attributes whose value is nil.
    mutating func open(_ name: String, _ attributes: [(String, String?)] = [], empty: Bool = false) {
        bytes.append(UInt8(ascii: "<"))
        raw(name)
        for (key, value) in attributes {
            guard let value else { continue }
            bytes.append(32)
            raw(key)
            raw("=\"")
            Escaping.appendXMLAttribute(value, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
        if empty { raw("/>") } else { bytes.append(UInt8(ascii: ">")) }
    }

    /// Appends an end tag.
    mutating func close(_ name: String) {
        raw("</")
        raw(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// Appends `<name …>text</name>` on a new line at `depth`.
    mutating func line(_ depth: Int, _ name: String, _ attributes: [(String, String?)] = [], text: String) {
        newline(depth)
        open(name, attributes)
        self.text(text)
        close(name)
    }

    /// Appends an empty element `<name …/>` on a new line at `depth`.
    mutating func emptyLine(_ depth: Int, _ name: String, _ attributes: [(String, String?)]) {
        newline(depth)
        open(name, attributes, empty: true)
    }
}
