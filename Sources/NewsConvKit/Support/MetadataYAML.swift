import Yams

/// YAML for story metadata: read from Markdown front matter and `--metadata-file`, written as
/// Markdown front matter. One mapping of keys to values; keys as in ``Metadata/set(_:to:)``.
/// Every scalar is read as the text written (`yes`, `1e3`, `2026-11-25` stay text); a key that
/// names no field is kept in ``Metadata/extra``, and so is a `version` that is not a story's
/// revision number (`version: 0.31.2`).
///
/// ```yaml
/// title: Port strike halts container traffic
/// author: [Anneke Visser, {name: Tom Berger, role: Reuters Staff}]
/// dateline: {place: ROTTERDAM, date: Nov 24, agency: Reuters}
/// keywords: [shipping, strikes]
/// subjects: [{code: "20000106", scheme: medtop, name: economy}]
/// ```
public enum MetadataYAML {
    /// Parses `text` (the YAML between the front matter fences) into metadata.
    /// `lineOffset` is added to line numbers in errors (the line the YAML starts on, minus one).
    public static func metadata(fromYAML text: String, lineOffset: Int = 0) throws -> Metadata {
        let node: Node?
        do {
            // The basic resolver: every scalar is text here (fields convert it themselves), and the
            // default one compiles a dozen regular expressions at start-up.
            node = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw describe(error, lineOffset: lineOffset)
        } catch {
            throw NewsConvError.badInput("YAML front matter: \(error)", line: lineOffset + 1)
        }
        guard let node else { return Metadata() }
        guard let mapping = node.mapping else {
            throw NewsConvError.badInput("YAML front matter: expected a mapping of keys to values",
                                         line: lineOffset + (node.mark?.line ?? 1), column: node.mark?.column)
        }
        var metadata = Metadata()
        var budget = 100_000  // bounds alias expansion ("billion laughs")
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            try apply(key: key, value: value, to: &metadata, lineOffset: lineOffset, budget: &budget)
        }
        return metadata
    }

    private static func describe(_ error: YamlError, lineOffset: Int) -> NewsConvError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return .badInput("YAML front matter: \(problem)", line: lineOffset + mark.line, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .badInput("YAML front matter: duplicate key \(duplicates.joined(separator: ", "))",
                             line: lineOffset + context.mark.line, column: context.mark.column)
        default:
            return .badInput("YAML front matter: \(error)", line: lineOffset + 1)
        }
    }

    private static func apply(key: String, value: Node, to m: inout Metadata, lineOffset: Int, budget: inout Int) throws {
        func fail(_ what: String) -> NewsConvError {
            .badInput("YAML front matter: \"\(key)\": \(what)", line: value.mark.map { lineOffset + $0.line }, column: value.mark?.column)
        }
        let canonical = Metadata.canonicalKey(key)
        switch canonical {
        case _ where Metadata.bylineKeys.contains(canonical):
            for item in sequenceOrSingle(value) {
                if let name = item.string { if !name.isEmpty { m.bylines.append(Byline(name: name)) } }
                else if let map = item.mapping, let name = map["name"]?.string {
                    m.bylines.append(Byline(name: name, role: map["role"]?.string ?? map["title"]?.string))
                } else { throw fail("expected a name or {name, role}") }
            }
        case "contributors", "credits":
            for item in sequenceOrSingle(value) {
                guard let map = item.mapping, let name = map["name"]?.string else { throw fail("expected {role, name}") }
                m.contributors.append(Contributor(role: map["role"]?.string ?? "", name: name))
            }
        case "dateline":
            if let text = value.string { m.dateline = Dateline(parsing: text) }
            else if let map = value.mapping {
                m.dateline = Dateline(place: map["place"]?.string, date: map["date"]?.string, agency: map["agency"]?.string)
            } else { throw fail("expected text or {place, date, agency}") }
        case _ where Metadata.keywordKeys.contains(canonical):
            if let text = value.string { try m.set(key, to: text) }
            else { m.keywords += value.array().compactMap(\.string) }
        case _ where Metadata.subjectKeys.contains(canonical):
            if let text = value.string { try m.set(key, to: text) }
            else {
                for item in value.array() {
                    if let name = item.string { m.subjects.append(Subject(name: name)) }
                    else if let map = item.mapping {
                        m.subjects.append(Subject(code: map["code"]?.string ?? map["qcode"]?.string,
                                                  scheme: map["scheme"]?.string, name: map["name"]?.string))
                    } else { throw fail("expected a name or {code, scheme, name}") }
                }
            }
        case _ where Metadata.imageKeys.contains(canonical):
            if let url = value.string { m.heroImage = HeroImage(url: url) }
            else if let map = value.mapping, let url = map["url"]?.string ?? map["src"]?.string {
                m.heroImage = HeroImage(url: url, caption: map["caption"]?.string, credit: map["credit"]?.string, alt: map["alt"]?.string)
            } else { throw fail("expected a URL or {url, caption, credit, alt}") }
        case "version":
            // A story's version is its revision number (`3`). Front matter written for other tools
            // often means a document's or program's version (`0.31.2`): kept as text, not an error.
            if let scalar = value.scalar, let n = Int(scalar.string.trimmingWhitespace), n >= 1 { m.version = n }
            else { m.extra[key] = try text(of: value, budget: &budget) }
        case "extra":
            guard let map = value.mapping else { throw fail("expected a mapping") }
            for (k, v) in map { if let k = k.string { m.extra[k] = try text(of: v, budget: &budget) } }
        default:
            if let scalar = value.scalar {
                do { try m.set(key, to: scalar.string) } catch let e as NewsConvError {
                    var e = e
                    e.line = value.mark.map { lineOffset + $0.line }
                    e.column = value.mark?.column
                    throw e
                }
            } else {
                // Not a field of ours: keep it as YAML text.
                m.extra[key] = try text(of: value, budget: &budget)
            }
        }
    }

    private static func sequenceOrSingle(_ node: Node) -> [Node] {
        node.sequence != nil ? node.array() : [node]
    }

    /// A node as text: a scalar's value, or a collection as YAML. Bounded in size.
    private static func text(of node: Node, budget: inout Int) throws -> String {
        if let scalar = node.scalar { return scalar.string }
        try spend(node, &budget)
        let serialized = try Yams.serialize(node: node)
        return serialized.hasSuffix("\n") ? String(serialized.dropLast()) : serialized
    }

    private static func spend(_ node: Node, _ budget: inout Int) throws {
        budget -= 1
        if budget < 0 { throw NewsConvError.badInput("YAML front matter: too many nested values (alias expansion?)") }
        switch node {
        case .scalar, .alias: break
        case .mapping(let m): for (k, v) in m { try spend(k, &budget); try spend(v, &budget) }
        case .sequence(let s): for v in s { try spend(v, &budget) }
        }
    }

    /// Metadata as YAML (without the `---` fences), every set field in a fixed order, so that
    /// ``metadata(fromYAML:lineOffset:)`` gives the same metadata back. Empty metadata gives "".
    public static func yaml(for m: Metadata) -> String {
        var pairs: [(Node, Node)] = []
        func add(_ key: String, _ value: String?) { if let value { pairs.append((Node(key), Node(value, Tag(.str)))) } }
        func add(_ key: String, _ value: Node) { pairs.append((Node(key), value)) }
        func map(_ entries: [(String, String?)]) -> Node {
            Node(entries.compactMap { k, v in v.map { (Node(k), Node($0, Tag(.str))) } })
        }
        add("id", m.id)
        if let v = m.version { add("version", Node(String(v), Tag(.int))) }
        add("title", m.headline)
        add("subtitle", m.subheadline)
        if !m.bylines.isEmpty {
            add("author", Node(m.bylines.map { b in
                b.role == nil ? Node(b.name, Tag(.str)) : map([("name", b.name), ("role", b.role)])
            }))
        }
        if !m.contributors.isEmpty {
            add("contributors", Node(m.contributors.map { map([("role", $0.role), ("name", $0.name)]) }))
        }
        if let d = m.dateline { add("dateline", map([("place", d.place), ("date", d.date), ("agency", d.agency)])) }
        add("slug", m.slugline)
        add("lang", m.language)
        add("created", m.created?.rawValue)
        add("modified", m.modified?.rawValue)
        add("date", m.published?.rawValue)
        add("embargo", m.embargo?.rawValue)
        add("provider", m.provider)
        add("credit", m.creditLine)
        add("copyright", m.copyrightNotice)
        add("copyright-holder", m.copyrightHolder)
        add("usage-terms", m.usageTerms)
        if !m.subjects.isEmpty {
            add("subjects", Node(m.subjects.map { map([("code", $0.code), ("scheme", $0.scheme), ("name", $0.name)]) }))
        }
        if !m.keywords.isEmpty { add("keywords", Node(m.keywords.map { Node($0, Tag(.str)) })) }
        add("genre", m.genre)
        if let u = m.urgency { add("urgency", Node(String(u), Tag(.int))) }
        add("editors-note", m.editorsNote)
        add("located", m.located)
        add("summary", m.summary)
        if let h = m.heroImage {
            add("image", map([("url", h.url), ("caption", h.caption), ("credit", h.credit), ("alt", h.alt)]))
        }
        add("url", m.url)
        add("signoff", m.signoff)
        if !m.extra.isEmpty {
            add("extra", map(m.extra.keys.sorted().map { ($0, m.extra[$0]) }))
        }
        guard !pairs.isEmpty else { return "" }
        return (try? Yams.serialize(node: Node(pairs), allowUnicode: true, lineBreak: .ln)) ?? ""
    }
}
