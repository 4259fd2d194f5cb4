/// The package document (`EPUB/package.opf`) and the container file that points at it.
enum EPUBPackageDocument {
    /// Where the package document lives in the archive.
    static let path = "EPUB/package.opf"

    /// `META-INF/container.xml`.
    static let container = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
        <rootfiles>
        <rootfile full-path="\(path)" media-type="application/oebps-package+xml" />
        </rootfiles>
        </container>

        """.utf8)

    /// A manifest item.
    struct Item {
        var id: String
        var href: String
        var mediaType: String
        var properties: String?
    }

    /// A spine entry: a manifest id and whether it is part of the reading order proper.
    struct SpineEntry {
        var id: String
        var linear: Bool = true
    }

    /// The package document.
    static func render(_ book: EPUBBookMetadata, identifier: String, items: [Item], spine: [SpineEntry],
                       coverImageID: String?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        out += Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"book-id\" xml:lang=\"".utf8)
        Escaping.appendXML(book.language, to: &out)
        out += Array("\">\n<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n".utf8)
        func dc(_ name: String, _ value: String, id: String? = nil) {
            out += Array("<dc:\(name)".utf8)
            if let id { out += Array(" id=\"\(id)\"".utf8) }
            out.append(UInt8(ascii: ">"))
            Escaping.appendXML(value, to: &out)
            out += Array("</dc:\(name)>\n".utf8)
        }
        func meta(_ property: String, _ value: String, refines: String? = nil, scheme: String? = nil) {
            out += Array("<meta".utf8)
            if let refines { out += Array(" refines=\"#\(refines)\"".utf8) }
            out += Array(" property=\"\(property)\"".utf8)
            if let scheme { out += Array(" scheme=\"\(scheme)\"".utf8) }
            out.append(UInt8(ascii: ">"))
            Escaping.appendXML(value, to: &out)
            out += Array("</meta>\n".utf8)
        }
        dc("identifier", identifier, id: "book-id")
        dc("title", book.title, id: "title")
        meta("title-type", "main", refines: "title")
        dc("language", book.language)
        for (i, creator) in book.creators.enumerated() {
            dc("creator", creator.name, id: "creator-\(i + 1)")
            meta("role", "aut", refines: "creator-\(i + 1)", scheme: "marc:relators")
        }
        if let date = book.date { dc("date", date.rawValue) }
        for publisher in book.publishers { dc("publisher", publisher) }
        for rights in book.rights { dc("rights", rights) }
        for (i, subject) in book.subjects.enumerated() {
            guard let text = subject.name ?? subject.qcode, !text.isEmpty else { continue }
            if let code = subject.code, let scheme = subject.scheme, subject.name != nil {
                // EPUB 3 subject authority and term: the code within its scheme.
                dc("subject", text, id: "subject-\(i + 1)")
                meta("authority", scheme, refines: "subject-\(i + 1)")
                meta("term", code, refines: "subject-\(i + 1)")
            } else {
                dc("subject", text)
            }
        }
        if let summary = book.summary { dc("description", summary) }
        meta("dcterms:modified", book.modified.rawValue)
        if let coverImageID {
            // EPUB 2 reading systems find the cover this way.
            out += Array("<meta name=\"cover\" content=\"\(coverImageID)\" />\n".utf8)
        }
        out += Array("</metadata>\n<manifest>\n".utf8)
        for item in items {
            out += Array("<item id=\"\(item.id)\" href=\"".utf8)
            Escaping.appendHref(item.href, to: &out)
            out += Array("\" media-type=\"\(item.mediaType)\"".utf8)
            if let properties = item.properties { out += Array(" properties=\"\(properties)\"".utf8) }
            out += Array(" />\n".utf8)
        }
        out += Array("</manifest>\n<spine toc=\"ncx\">\n".utf8)
        for entry in spine {
            out += Array("<itemref idref=\"\(entry.id)\"\(entry.linear ? "" : " linear=\"no\"") />\n".utf8)
        }
        out += Array("</spine>\n</package>\n".utf8)
        return out
    }
}
