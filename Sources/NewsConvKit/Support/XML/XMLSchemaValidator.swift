internal import CLibXML2

/// An XML Schema (XSD) compiled by libxml2, for validating documents in-process.
public final class XMLSchemaValidator: @unchecked Sendable {
    private let schema: xmlSchemaPtr

    /// Compiles the schema at `path` (imports resolve relative to it; no network).
    public init(schemaPath: String) throws {
        XMLLibrary.setUp()
        guard let parser = xmlSchemaNewParserCtxt(schemaPath) else {
            throw NewsConvError(.software, "cannot read the XML schema", file: schemaPath)
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        guard let schema = xmlSchemaParse(parser) else {
            throw NewsConvError(.software, "cannot compile the XML schema", file: schemaPath)
        }
        self.schema = schema
    }

    /// Compiles a schema held in memory (imports must be resolvable from `baseDirectory`).
    public init(schemaBytes: [UInt8]) throws {
        XMLLibrary.setUp()
        let parser: xmlSchemaParserCtxtPtr? = schemaBytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { xmlSchemaNewMemParserCtxt($0.baseAddress, Int32(clamping: $0.count)) }
        }
        guard let parser else { throw NewsConvError(.software, "cannot read the built-in XML schema") }
        defer { xmlSchemaFreeParserCtxt(parser) }
        guard let schema = xmlSchemaParse(parser) else { throw NewsConvError(.software, "cannot compile the built-in XML schema") }
        self.schema = schema
    }

    deinit { xmlSchemaFree(schema) }

    /// Validates `document`; returns one error per violation, in document order.
    public func validate(_ document: XMLDocument) -> [NewsConvError] {
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            return [NewsConvError(.software, "cannot create a schema validator")]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        final class Box { var errors: [NewsConvError] = [] }
        let box = Box()
        let unmanaged = Unmanaged.passUnretained(box)
        xmlSchemaSetValidStructuredErrors(context, { userData, error in
            guard let userData, let error else { return }
            let box = Unmanaged<Box>.fromOpaque(userData).takeUnretainedValue()
            box.errors.append(XMLLibrary.describe(error.pointee, fallback: "schema violation"))
        }, unmanaged.toOpaque())
        let result = xmlSchemaValidateDoc(context, document.pointer)
        if result != 0 && box.errors.isEmpty {
            box.errors.append(NewsConvError.badInput("the document does not validate against the schema"))
        }
        return box.errors
    }
}
