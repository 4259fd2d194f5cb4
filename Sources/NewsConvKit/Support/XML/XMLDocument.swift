internal import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// A parsed XML or HTML document (libxml2). The class owns the libxml2 tree and frees it in
/// `deinit`; every ``XMLNode`` keeps its document alive.
///
/// Parsing is safe by construction: no network, no DTD or external entity loading (a global
/// loader refuses every external resource), entities are never substituted, and libxml2's own
/// limits on entity amplification stay on. Text is read from text nodes only, so an entity
/// reference is never expanded by newsconv either.
public final class XMLDocument: @unchecked Sendable {
    let pointer: xmlDocPtr

    private init(pointer: xmlDocPtr) { self.pointer = pointer }

    deinit { xmlFreeDoc(pointer) }

    /// The root element, if any.
    public var root: XMLNode? {
        guard let node = xmlDocGetRootElement(pointer) else { return nil }
        return XMLNode(node, document: self)
    }

    /// Parses well-formed XML. Throws `.badInput` with libxml2's message, line and column.
    public static func parseXML(_ bytes: [UInt8], sourceName: String = "-") throws -> XMLDocument {
        XMLLibrary.setUp()
        guard let context = xmlNewParserCtxt() else { throw NewsConvError(.software, "cannot create an XML parser") }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_COMPACT.rawValue)
        // libxml2 goes on after the first error and reports its consequences (a mismatched tag,
        // then "premature end of data" at the last line); the first error is the one to show.
        let first = FirstError()
        context.pointee._private = Unmanaged.passUnretained(first).toOpaque()
        context.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            let parser = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let box = parser.pointee._private else { return }
            let first = Unmanaged<FirstError>.fromOpaque(box).takeUnretainedValue()
            if first.error == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue {
                first.error = XMLLibrary.describe(error.pointee, fallback: "not well-formed XML")
            }
        }
        let doc: xmlDocPtr? = withExtendedLifetime(first) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    xmlCtxtReadMemory(context, $0.baseAddress, Int32(clamping: $0.count), nil, nil, options)
                }
            }
        }
        context.pointee._private = nil
        if let doc, context.pointee.wellFormed != 0 {
            return XMLDocument(pointer: doc)
        }
        if let doc { xmlFreeDoc(doc) }
        throw first.error ?? lastError(context, fallback: bytes.isEmpty ? "empty input; expected XML" : "not well-formed XML")
    }

    /// The first error libxml2 reports while parsing.
    private final class FirstError { var error: NewsConvError? }

    /// Parses HTML the way browsers tolerate it; only fails when libxml2 gives up entirely.
    /// `encoding` is an IANA name (`windows-1252`) when known from outside the bytes.
    public static func parseHTML(_ bytes: [UInt8], encoding: String? = nil, sourceName: String = "-") throws -> XMLDocument {
        XMLLibrary.setUp()
        guard let context = htmlNewParserCtxt() else { throw NewsConvError(.software, "cannot create an HTML parser") }
        defer { htmlFreeParserCtxt(context) }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                htmlCtxtReadMemory(context, $0.baseAddress, Int32(clamping: $0.count), nil, encoding, options)
            }
        }
        guard let doc else {
            throw lastError(context, fallback: bytes.isEmpty ? "empty input; expected HTML" : "cannot parse HTML")
        }
        return XMLDocument(pointer: doc)
    }

    private static func lastError(_ context: xmlParserCtxtPtr, fallback: String) -> NewsConvError {
        guard let error = xmlCtxtGetLastError(context), error.pointee.code != 0 else {
            return .badInput(fallback)
        }
        return XMLLibrary.describe(error.pointee, fallback: fallback)
    }

    /// Serialises the document as XML (UTF-8).
    public func xmlBytes() -> [UInt8] {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(pointer, &buffer, &size, "UTF-8")
        guard let buffer else { return [] }
        defer { free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }
}

/// One-time libxml2 set-up and error conversion.
enum XMLLibrary {
    private static let once: Void = {
        xmlInitParser()
        // Never load anything from outside the input: DTDs, external entities, XIncludes. The
        // one exception is a schema document that newsconv itself supplies (an XSD import such
        // as `xml.xsd`), served from memory by name while that schema is being compiled.
        xmlSetExternalEntityLoader { url, _, context in XMLLibrary.schemaDocument(url: url, context: context) }
        // Threads that start using libxml2 later inherit this error handler.
        xmlThrDefSetStructuredErrorFunc(nil) { _, _ in }
    }()

    /// Initialises libxml2 once, and keeps it from printing to stderr on this thread (its error
    /// handlers are per thread); errors are read back from the parser context instead.
    static func setUp() {
        _ = once
        xmlSetStructuredErrorFunc(nil) { _, _ in }
    }

    /// Schema documents the loader may serve, by the exact location an `xs:import` or
    /// `xs:include` names. Set only for the duration of one schema compilation on one thread
    /// (``withSchemaDocuments(_:_:)``); empty everywhere else, so parsing input never loads
    /// anything.
    @TaskLocal private static var schemaDocuments: [String: [UInt8]] = [:]

    /// Runs `body` with `documents` available to the external-entity loader.
    static func withSchemaDocuments<T>(_ documents: [String: [UInt8]], _ body: () throws -> T) rethrows -> T {
        try $schemaDocuments.withValue(documents, operation: body)
    }

    private static func schemaDocument(url: UnsafePointer<CChar>?, context: xmlParserCtxtPtr?) -> xmlParserInputPtr? {
        guard let url, let context else { return nil }
        let documents = schemaDocuments
        guard !documents.isEmpty, let bytes = documents[String(cString: url)] else { return nil }
        // xmlParserInputBufferCreateMem copies the bytes, so the buffer owns its memory.
        let buffer: xmlParserInputBufferPtr? = bytes.withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) {
                xmlParserInputBufferCreateMem($0.baseAddress, Int32(clamping: $0.count), XML_CHAR_ENCODING_NONE)
            }
        }
        guard let buffer else { return nil }
        guard let input = xmlNewIOInputStream(context, buffer, XML_CHAR_ENCODING_NONE) else {
            xmlFreeParserInputBuffer(buffer)
            return nil
        }
        return input
    }

    static func describe(_ error: xmlError, fallback: String) -> NewsConvError {
        var message = error.message.map { String(cString: $0) } ?? fallback
        while message.last == "\n" || message.last == " " { message.removeLast() }
        let line = error.line > 0 ? Int(error.line) : nil
        let column = error.int2 > 0 ? Int(error.int2) : nil
        return .badInput(message, line: line, column: line == nil ? nil : column)
    }
}
