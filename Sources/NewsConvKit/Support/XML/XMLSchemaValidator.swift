internal import CLibXML2

/// An XML Schema (XSD) compiled by libxml2, for validating documents in-process.
///
/// Compiling never touches the network or the file system behind the caller's back: the schema
/// comes as bytes, and every document it imports or includes must be handed over too, keyed by
/// the location the schema names (`xml.xsd`). Any other location is refused.
public final class XMLSchemaValidator: @unchecked Sendable {
    private let schema: xmlSchemaPtr

    /// Compiles a schema held in memory. `imports` maps each `schemaLocation` the schema (or one
    /// of its imports) names to that document's bytes.
    public init(schemaBytes: [UInt8], imports: [String: [UInt8]] = [:], name: String = "the XML schema") throws {
        XMLLibrary.setUp()
        let box = ErrorBox()
        // The parser context keeps a pointer to the bytes (it does not copy them), so the whole
        // compilation happens while they are pinned.
        let result: xmlSchemaPtr?? = schemaBytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { bytes in
                guard let parser = xmlSchemaNewMemParserCtxt(bytes.baseAddress, Int32(clamping: bytes.count)) else {
                    return .none
                }
                defer { xmlSchemaFreeParserCtxt(parser) }
                xmlSchemaSetParserStructuredErrors(parser, { userData, error in
                    guard let userData, let error else { return }
                    let box = Unmanaged<ErrorBox>.fromOpaque(userData).takeUnretainedValue()
                    if error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue {
                        box.errors.append(XMLLibrary.describe(error.pointee, fallback: "schema error"))
                    }
                }, Unmanaged.passUnretained(box).toOpaque())
                return .some(withExtendedLifetime(box) { XMLLibrary.withSchemaDocuments(imports) { xmlSchemaParse(parser) } })
            }
        }
        guard let parsed = result else { throw NewsConvError(.software, "cannot read \(name)") }
        guard let compiled = parsed else {
            let detail = box.errors.first.map { ": \($0.message)" } ?? ""
            throw NewsConvError(.software, "cannot compile \(name)\(detail)")
        }
        self.schema = compiled
    }

    /// Compiles the schema at `path`. Documents it imports or includes by a plain file name
    /// (`xml.xsd`, not a URL or a path with `/`) are read from the same directory; nothing else
    /// is loaded.
    public convenience init(schemaPath: String) throws {
        let directory = schemaPath.lastIndex(of: "/").map { String(schemaPath[...$0]) } ?? ""
        let main = try FileIO.readFile(schemaPath)
        var imports: [String: [UInt8]] = [:]
        var pending = Self.schemaLocations(in: main)
        while let location = pending.popLast() {
            guard imports[location] == nil, !location.contains("/"), !location.contains(":") else { continue }
            guard let bytes = try? FileIO.readFile(directory + location) else { continue }
            imports[location] = bytes
            pending += Self.schemaLocations(in: bytes)
        }
        try self.init(schemaBytes: main, imports: imports, name: "the XML schema \(schemaPath)")
    }

    deinit { xmlSchemaFree(schema) }

    /// Validates `document`; returns one error per violation, in document order.
    public func validate(_ document: XMLDocument) -> [NewsConvError] {
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            return [NewsConvError(.software, "cannot create a schema validator")]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let box = ErrorBox()
        xmlSchemaSetValidStructuredErrors(context, { userData, error in
            guard let userData, let error else { return }
            let box = Unmanaged<ErrorBox>.fromOpaque(userData).takeUnretainedValue()
            box.errors.append(XMLLibrary.describe(error.pointee, fallback: "schema violation"))
        }, Unmanaged.passUnretained(box).toOpaque())
        let result = withExtendedLifetime(box) { xmlSchemaValidateDoc(context, document.pointer) }
        if result != 0 && box.errors.isEmpty {
            box.errors.append(NewsConvError.badInput("the document does not validate against the schema"))
        }
        return box.errors
    }

    private final class ErrorBox { var errors: [NewsConvError] = [] }

    /// The values of `schemaLocation="…"` attributes in an XSD, found by a byte scan.
    private static func schemaLocations(in bytes: [UInt8]) -> [String] {
        let needle = Array("schemaLocation=".utf8)
        var result: [String] = []
        var i = 0
        while i + needle.count < bytes.count {
            if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) {
                let quote = bytes[i + needle.count]
                var j = i + needle.count + 1
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    let start = j
                    while j < bytes.count, bytes[j] != quote { j += 1 }
                    result.append(String(decoding: bytes[start..<min(j, bytes.count)], as: UTF8.self))
                }
                i = j
            } else {
                i += 1
            }
        }
        return result
    }
}
