/// Reads NewsML-G2 items into stories; ``NewsMLReader`` decides which items there are.
struct NewsMLItemReader {
    let context: ReadContext

    /// What kind of content an item holds, from its `itemClass`.
    enum ItemKind {
        case text, picture, other(String)

        init(_ qcode: String?) {
            switch qcode?.split(separator: ":").last.map(String.init) {
            case nil, "text": self = .text
            case "picture", "graphic": self = .picture
            case let other?: self = .other(other)
            }
        }
    }

    // MARK: Items

    /// The story of a `newsItem`. A picture item gives a story with one figure; an item of
    /// another kind gives its metadata alone (with a warning when `standalone`).
    func story(fromItem item: XMLNode, standalone: Bool, sent: String? = nil) -> Story {
        let (metadata, findings) = NewsMLMetadataReader(sent: sent).read(item: item)
        var story = Story(metadata: metadata)
        let contentSet = item.element(named: "contentSet")
        switch ItemKind(findings.itemClass) {
        case .text:
            if let contentSet { readBody(contentSet, into: &story) }
        case .picture:
            story.body = [.figure(picture(contentSet: contentSet, caption: findings.caption, metadata: metadata))]
            if standalone { context.warn("NewsML-G2 picture item read as a story with one figure") }
        case .other(let kind):
            if standalone { context.warn("NewsML-G2 \(kind) item has no text; only its metadata is read") }
        }
        return story
    }

    /// A story from an item part given on its own (`contentSet`, `contentMeta`, …).
    func story(fromFragment node: XMLNode) -> Story {
        var metadata = Metadata()
        var findings = NewsMLMetadataReader.Findings()
        let reader = NewsMLMetadataReader(language: node.attribute("lang"))
        var story = Story()
        switch node.name {
        case "contentMeta": reader.readContentMeta(node, into: &metadata, findings: &findings)
        case "itemMeta": reader.readItemMeta(node, into: &metadata, findings: &findings)
        case "rightsInfo": reader.readRights(node, into: &metadata)
        default: break
        }
        reader.finish(&metadata, findings: findings)
        story.metadata = metadata
        if node.name == "contentSet" { readBody(node, into: &story) }
        return story
    }

    /// The figure of a picture item: its largest rendition, its caption and credit.
    private func picture(contentSet: XMLNode?, caption: String?, metadata: Metadata) -> Figure {
        let renditions = contentSet?.elements(named: "remoteContent").filter { $0.attribute("href") != nil } ?? []
        let best = renditions.max { (Int($0.attribute("width") ?? "") ?? 0) < (Int($1.attribute("width") ?? "") ?? 0) }
        let text = caption ?? metadata.summary ?? ""
        return Figure(
            image: best?.attribute("href").map { ImageReference(source: $0.trimmingWhitespace, alt: metadata.headline ?? "") },
            caption: text.isEmpty ? [] : [.text(text)],
            credit: metadata.creditLine)
    }

    // MARK: Bodies

    /// Reads the first content of `contentSet` that holds text, and fills metadata gaps from a
    /// NITF `body.head`.
    func readBody(_ contentSet: XMLNode, into story: inout Story) {
        for content in contentSet.elements {
            switch content.name {
            case "inlineXML":
                guard let root = content.elements.first else { continue }
                let type = (content.attribute("contenttype") ?? "").lowercased()
                if root.name == "nitf" || type.contains("nitf") {
                    var reader = NewsMLBodyReader(unknownElements: .unwrap)
                    story.body = reader.blocks(fromChildrenOf: content)
                    fillFromNITFHead(root, into: &story.metadata)
                } else {
                    var reader = NewsMLBodyReader(unknownElements: .keepAsRawHTML)
                    story.body = reader.blocks(fromChildrenOf: content)
                }
                return
            case "inlineData":
                let type = (content.attribute("contenttype") ?? "text/plain").lowercased()
                let text = content.textContent
                if type.contains("html") {
                    if let html = try? XMLDocument.parseHTML(Array(text.utf8), encoding: "UTF-8"), let root = html.root {
                        var reader = NewsMLBodyReader(unknownElements: .keepAsRawHTML)
                        story.body = reader.blocks(fromChildrenOf: root)
                    }
                } else {
                    if !type.hasPrefix("text/") {
                        context.warn("NewsML-G2 inlineData of type \(type) read as plain text")
                    }
                    story.body = Self.plainTextBlocks(text)
                }
                return
            default:
                continue
            }
        }
    }

    /// Paragraphs separated by blank lines; the lines of a paragraph joined by soft breaks.
    static func plainTextBlocks(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var lines: [Substring] = []
        func flush() {
            var inlines: [Inline] = []
            for (i, line) in lines.enumerated() {
                if i > 0 { inlines.append(.softBreak) }
                inlines.append(.text(String(line).trimmingWhitespace))
            }
            if !inlines.isEmpty { blocks.append(.paragraph(inlines)) }
            lines.removeAll()
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) { flush() } else { lines.append(line) }
        }
        flush()
        return blocks
    }

    /// Headline, subheadline, bylines, dateline, summary and sign-off from a NITF document,
    /// where `contentMeta` did not give them.
    private func fillFromNITFHead(_ nitf: XMLNode, into m: inout Metadata) {
        guard let body = nitf.element(named: "body") else { return }
        if let head = body.element(named: "body.head") {
            if let hedline = head.element(named: "hedline") {
                if m.headline == nil, let hl1 = hedline.element(named: "hl1") {
                    m.headline = NewsMLMetadataReader.nonEmpty(hl1.textContent.collapsingWhitespace)
                }
                if m.subheadline == nil, let hl2 = hedline.element(named: "hl2") {
                    m.subheadline = NewsMLMetadataReader.nonEmpty(hl2.textContent.collapsingWhitespace)
                }
            }
            if m.bylines.isEmpty {
                for byline in head.elements(named: "byline") {
                    if let parsed = Self.byline(byline) { m.bylines.append(parsed) }
                }
            }
            if m.dateline == nil, let dateline = head.element(named: "dateline") { m.dateline = Self.dateline(dateline) }
            if m.summary == nil, let abstract = head.element(named: "abstract") {
                let text = abstract.elements.map(NewsMLMetadataReader.blockText).filter { !$0.isEmpty }.joined(separator: "\n")
                m.summary = NewsMLMetadataReader.nonEmpty(text.isEmpty ? NewsMLMetadataReader.blockText(abstract) : text)
            }
        }
        if m.signoff == nil, let tagline = body.element(named: "body.end")?.element(named: "tagline") {
            m.signoff = NewsMLMetadataReader.nonEmpty(tagline.textContent.collapsingWhitespace)
        }
    }

    /// A NITF `dateline`: `location` and `story.date` when marked, the agency in parentheses
    /// after them; else the text parsed as printed.
    static func dateline(_ node: XMLNode) -> Dateline? {
        let location = node.element(named: "location").map { $0.textContent.collapsingWhitespace }
        let date = node.element(named: "story.date").map { $0.textContent.collapsingWhitespace }
        guard location != nil || date != nil else {
            return NewsMLMetadataReader.nonEmpty(node.textContent.collapsingWhitespace).map(Dateline.init(parsing:))
        }
        let rest = node.children.filter { $0.kind == .text }.map(\.text).joined().collapsingWhitespace
        var agency: String?
        if let open = rest.lastIndex(of: "("), let close = rest.lastIndex(of: ")"), open < close {
            agency = NewsMLMetadataReader.nonEmpty(String(rest[rest.index(after: open)..<close]).trimmingWhitespace)
        }
        return Dateline(place: location.flatMap(NewsMLMetadataReader.nonEmpty), date: date.flatMap(NewsMLMetadataReader.nonEmpty),
                        agency: agency)
    }

    /// A NITF `byline`: the `person` (or the text before `byttl`, without "By") and the `byttl`.
    static func byline(_ node: XMLNode) -> Byline? {
        let title = node.element(named: "byttl").map { $0.textContent.collapsingWhitespace }.flatMap(NewsMLMetadataReader.nonEmpty)
        var name = node.element(named: "person").map { $0.textContent.collapsingWhitespace } ?? ""
        if name.isEmpty {
            name = node.children.filter { $0.kind == .text || ($0.isElement && $0.name != "byttl") }
                .map { $0.kind == .text ? $0.text : $0.textContent }.joined().collapsingWhitespace
            if name.lowercased().hasPrefix("by ") { name = String(name.dropFirst(3)) }
            while name.hasSuffix(",") || name.hasSuffix(" ") { name.removeLast() }
        }
        if name.isEmpty, let title { return Byline(name: title) }
        return name.isEmpty ? nil : Byline(name: name, role: title)
    }

    // MARK: Messages and packages

    /// Every text item of a `newsMessage` as a story; the document's metadata from its leading
    /// `packageItem`, else from the `header` (`transmitId`, `sender`, `priority`).
    func message(_ root: XMLNode) -> Document {
        var document = Document(stories: [])
        var headerMetadata = Metadata()
        let sent = root.element(named: "header")?.element(named: "sent")?.textContent.trimmingWhitespace
        if let header = root.element(named: "header") {
            for child in header.elements {
                let text = child.textContent.collapsingWhitespace
                switch child.name {
                case "transmitId": headerMetadata.id = NewsMLMetadataReader.nonEmpty(text)
                case "sender": headerMetadata.provider = NewsMLMetadataReader.nonEmpty(text)
                case "priority": headerMetadata.urgency = Int(text)
                default: continue
                }
            }
        }
        var package: XMLNode?
        var pictures: [String: HeroImage] = [:]
        var pictureStories: [Story] = []
        var guids: [String] = []
        for item in root.element(named: "itemSet")?.elements ?? [] {
            switch item.name {
            case "newsItem":
                let story = story(fromItem: item, standalone: false, sent: sent)
                let kind = ItemKind(item.element(named: "itemMeta")?.element(named: "itemClass")?.attribute("qcode"))
                switch kind {
                case .text:
                    document.stories.append(story)
                    guids.append(story.metadata.id ?? "")
                case .picture:
                    pictureStories.append(story)
                    if let guid = story.metadata.id, case .figure(let figure)? = story.body.first, let image = figure.image {
                        pictures[guid] = HeroImage(url: image.source, caption: figure.caption.plainText.isEmpty ? nil : figure.caption.plainText,
                                                   credit: figure.credit, alt: story.metadata.headline)
                    }
                case .other(let kind):
                    context.warn("skipped a NewsML-G2 \(kind) item (\(story.metadata.id ?? "no guid")): it holds no text")
                }
            case "packageItem":
                if package == nil { package = item } else { context.warn("skipped a second NewsML-G2 packageItem") }
            default:
                context.warn("skipped a NewsML-G2 \(item.name) in the news message")
            }
        }
        if let package {
            let (metadata, _) = NewsMLMetadataReader(sent: sent).read(item: package)
            document.metadata = metadata
            attachPictures(pictures, from: package, to: &document.stories, guids: guids)
        }
        document.metadata.fillGaps(from: headerMetadata)
        if document.stories.isEmpty, !pictureStories.isEmpty {
            document.stories = pictureStories
        } else if !pictureStories.isEmpty, pictures.count < pictureStories.count || package == nil {
            context.warn("skipped \(pictureStories.count) NewsML-G2 picture item(s) of the news message")
        }
        return document
    }

    /// Gives a story the picture its package groups with it: a group with exactly one of the
    /// message's text items and at least one picture.
    private func attachPictures(_ pictures: [String: HeroImage], from package: XMLNode, to stories: inout [Story], guids: [String]) {
        guard !pictures.isEmpty, let groups = package.element(named: "groupSet")?.elements(named: "group") else { return }
        var index: [String: Int] = [:]
        for (i, guid) in guids.enumerated() where index[guid] == nil { index[guid] = i }
        for group in groups {
            let refs = group.elements(named: "itemRef").compactMap { $0.attribute("residref") }
            let texts = refs.compactMap { index[$0] }
            guard texts.count == 1, let picture = refs.lazy.compactMap({ pictures[$0] }).first,
                stories[texts[0]].metadata.heroImage == nil else { continue }
            stories[texts[0]].metadata.heroImage = picture
        }
    }

    /// A `packageItem` on its own: its metadata, and a story (title, summary, guid) for each
    /// text item it references, since their content is not included.
    func package(_ root: XMLNode) -> Document {
        let (metadata, _) = NewsMLMetadataReader().read(item: root)
        var document = Document(metadata: metadata, stories: [])
        var skipped = 0
        for group in root.element(named: "groupSet")?.elements(named: "group") ?? [] {
            for ref in group.elements(named: "itemRef") {
                guard case .text = ItemKind(ref.element(named: "itemClass")?.attribute("qcode")) else {
                    skipped += 1
                    continue
                }
                var m = Metadata()
                m.id = ref.attribute("residref")
                m.headline = ref.element(named: "title").map(NewsMLMetadataReader.labelText).flatMap(NewsMLMetadataReader.nonEmpty)
                m.summary = ref.element(named: "description").map(NewsMLMetadataReader.blockText).flatMap(NewsMLMetadataReader.nonEmpty)
                if let language = ref.attribute("lang") ?? metadata.language { m.language = language }
                document.stories.append(Story(metadata: m))
            }
        }
        context.warn("NewsML-G2 package item: its items are referenced, not included; "
            + "read \(document.stories.count) text item reference(s) without body"
            + (skipped > 0 ? ", skipped \(skipped) other item(s)" : ""))
        return document
    }
}
