/// A package document (`.opf`) as read: metadata, manifest and spine, for EPUB 2 and 3.
struct EPUBPackage {
    /// A manifest item.
    struct Item: Equatable {
        var id: String
        /// Container path (resolved against the package document).
        var path: String
        var mediaType: String
        /// Space-separated EPUB 3 properties (`nav`, `cover-image`).
        var properties: [String]
    }

    /// Where the package document is in the container.
    var path: String
    /// Manifest items by id.
    var manifest: [String: Item] = [:]
    /// The reading order: manifest items.
    var spine: [Item] = []
    /// The metadata, mapped onto story metadata.
    var metadata = Metadata()

    static let dcNamespace = "http://purl.org/dc/elements/1.1/"

    /// Reads the package document at `path` from `bytes`.
    init(parsing bytes: [UInt8], path: String, warn: (String) -> Void) throws {
        self.path = path
        let document: XMLDocument
        do { document = try XMLDocument.parseXML(bytes) } catch let error as NewsConvError {
            throw NewsConvError.badInput("\(path): \(error.message)", line: error.line, column: error.column)
        }
        guard let root = document.root, root.name == "package" else {
            throw NewsConvError.badInput("\(path): not a package document (no <package> element)")
        }
        let directory = EPUBPath.directory(of: path)

        if let manifestElement = root.element(named: "manifest") {
            for item in manifestElement.elements(named: "item") {
                guard let id = item.attribute("id"), let href = item.attribute("href") else { continue }
                guard let resolved = EPUBPath.resolve(href, in: directory) else {
                    if URLReference.scheme(of: href) == nil {
                        throw NewsConvError.badInput("\(path): manifest item \"\(href)\" points outside the container")
                    }
                    continue  // a remote resource
                }
                let properties = (item.attribute("properties") ?? "").split(separator: " ").map(String.init)
                manifest[id] = Item(id: id, path: resolved, mediaType: item.attribute("media-type") ?? "", properties: properties)
            }
        }
        if let spineElement = root.element(named: "spine") {
            for itemref in spineElement.elements(named: "itemref") {
                guard let idref = itemref.attribute("idref") else { continue }
                guard let item = manifest[idref] else {
                    warn("\(path): the spine names \"\(idref)\", which the manifest does not list; skipped")
                    continue
                }
                spine.append(item)
            }
        }
        if spine.isEmpty { throw NewsConvError.badInput("\(path): the spine lists no content documents") }

        readMetadata(root.element(named: "metadata"), uniqueIdentifier: root.attribute("unique-identifier"))
    }

    private mutating func readMetadata(_ element: XMLNode?, uniqueIdentifier: String?) {
        guard let element else { return }
        // EPUB 2 packages may wrap Dublin Core in <dc-metadata>.
        var nodes = element.elements
        for wrapper in nodes where wrapper.name == "dc-metadata" || wrapper.name == "x-metadata" { nodes += wrapper.elements }

        var refinements: [String: [(property: String, value: String)]] = [:]
        for meta in nodes where meta.name == "meta" {
            if let refines = meta.attribute("refines"), let property = meta.attribute("property") {
                refinements[String(refines.drop { $0 == "#" }), default: []].append((property, meta.textContent.trimmingWhitespace))
            }
        }
        func refinement(_ node: XMLNode, _ property: String) -> String? {
            guard let id = node.attribute("id") else { return nil }
            return refinements[id]?.first { $0.property == property }?.value
        }

        var titles: [(String, String?)] = []
        var identifiers: [(id: String?, value: String)] = []
        var dates: [(event: String?, value: String)] = []
        for node in nodes where node.namespaceURI == Self.dcNamespace {
            let text = node.textContent.trimmingWhitespace
            guard !text.isEmpty else { continue }
            switch node.name {
            case "title": titles.append((text, refinement(node, "title-type")))
            case "identifier": identifiers.append((node.attribute("id"), text))
            case "creator": metadata.bylines.append(Byline(name: text))
            case "language": if metadata.language == nil { metadata.language = text }
            case "date": dates.append((node.attributes.first { $0.name == "event" }?.value, text))
            case "publisher": if metadata.provider == nil { metadata.provider = text }
            case "rights": if metadata.copyrightNotice == nil { metadata.copyrightNotice = text }
            case "subject":
                let authority = refinement(node, "authority")
                let term = refinement(node, "term")
                metadata.subjects.append(authority != nil && term != nil
                    ? Subject(code: term, scheme: authority, name: text)
                    : Subject(name: text))
            case "description": if metadata.summary == nil { metadata.summary = text }
            default: break
            }
        }
        metadata.headline = (titles.first { $0.1 == "main" } ?? titles.first)?.0
        metadata.id = (identifiers.first { $0.id != nil && $0.id == uniqueIdentifier } ?? identifiers.first)?.value
        if let date = dates.first(where: { $0.event == nil || $0.event == "publication" }) ?? dates.first {
            metadata.published = Timestamp(date.value)
        }
    }
}
