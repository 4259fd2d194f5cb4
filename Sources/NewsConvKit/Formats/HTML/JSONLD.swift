/// A JSON-LD value for the `<script type="application/ld+json">` block of written pages, with
/// keys kept in the order given (`@context` and `@type` first, as people write them).
indirect enum JSONLD {
    case string(String)
    case number(Int)
    case array([JSONLD])
    case object([(String, JSONLD)])

    /// An object, leaving out keys whose value is nil or empty.
    static func fields(_ pairs: [(String, JSONLD?)]) -> JSONLD {
        .object(pairs.compactMap { key, value in
            guard let value, !value.isEmpty else { return nil }
            return (key, value)
        })
    }

    /// A string, or nil for nil or blank text.
    static func text(_ value: String?) -> JSONLD? {
        guard let value, !value.trimmingJSWhitespace.isEmpty else { return nil }
        return .string(value)
    }

    var isEmpty: Bool {
        switch self {
        case .string(let s): s.isEmpty
        case .number: false
        case .array(let items): items.isEmpty
        case .object(let pairs): pairs.isEmpty
        }
    }

    /// Appends the value as indented JSON that is safe inside a `<script>` element.
    func append(to out: inout [UInt8], indent: Int = 0) {
        func newline(_ level: Int) {
            out.append(10)
            out += [UInt8](repeating: 32, count: level * 2)
        }
        switch self {
        case .string(let text):
            Escaping.appendJSONStringForScript(text, to: &out)
        case .number(let value):
            out += Array(String(value).utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                item.append(to: &out, indent: indent + 1)
            }
            if !items.isEmpty { newline(indent) }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                Escaping.appendJSONStringForScript(pair.0, to: &out)
                out += [UInt8(ascii: ":"), 32]
                pair.1.append(to: &out, indent: indent + 1)
            }
            if !pairs.isEmpty { newline(indent) }
            out.append(UInt8(ascii: "}"))
        }
    }
}
