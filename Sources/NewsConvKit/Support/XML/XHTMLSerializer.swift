/// Writes a parsed HTML (or XHTML) tree as well-formed XHTML markup: every element closed,
/// void elements written `<br />`, text and attribute values escaped through ``Escaping``.
///
/// What XML cannot carry is left out and named in ``dropped`` so that the caller can warn:
/// elements and attributes whose names are not XML names (`o:p`, `@click`), and `script`,
/// `style` and `template` elements. Namespace declarations are written by the serializer
/// itself: an element of XML input keeps its namespace, and an HTML `svg` or `math` element
/// keeps the SVG or MathML `xmlns` it names. Comments and processing
/// instructions are not content and are left out silently. The `html`, `head` and `body`
/// wrappers the HTML parser adds around a fragment are unwrapped.
struct XHTMLSerializer {
    /// What was left out, for a warning (`script`, `attribute "@click"`).
    private(set) var dropped: Set<String> = []

    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]
    private static let droppedElements: Set<String> = ["script", "style", "template"]
    private static let wrappers: Set<String> = ["html", "head", "body"]
    /// The XHTML namespace, which content is assumed to be in unless it says otherwise.
    static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"
    private static let svgNamespace = "http://www.w3.org/2000/svg"
    /// Namespaces an `xmlns` attribute in HTML may switch to.
    private static let foreignNamespaces: Set<String> = [svgNamespace, "http://www.w3.org/1998/Math/MathML"]
    /// SVG's mixed-case element and attribute names by their lower-case form, which is how an
    /// HTML parser gives them (the list of the HTML standard's "adjust SVG" steps).
    private static let svgNames: [String: String] = Dictionary(uniqueKeysWithValues: """
        altGlyph altGlyphDef altGlyphItem animateColor animateMotion animateTransform clipPath feBlend \
        feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap \
        feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feImage feMerge \
        feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence \
        foreignObject glyphRef linearGradient radialGradient textPath \
        attributeName attributeType baseFrequency baseProfile calcMode clipPathUnits diffuseConstant edgeMode \
        filterUnits gradientTransform gradientUnits kernelMatrix kernelUnitLength keyPoints keySplines keyTimes \
        lengthAdjust limitingConeAngle markerHeight markerUnits markerWidth maskContentUnits maskUnits \
        numOctaves pathLength patternContentUnits patternTransform patternUnits pointsAtX pointsAtY pointsAtZ \
        preserveAlpha preserveAspectRatio primitiveUnits refX refY repeatCount repeatDur requiredExtensions \
        requiredFeatures specularConstant specularExponent spreadMethod startOffset stdDeviation stitchTiles \
        surfaceScale systemLanguage tableValues targetX targetY textLength viewBox viewTarget \
        xChannelSelector yChannelSelector zoomAndPan
        """.split(separator: " ").map { (String($0).lowercased(), String($0)) })
    private static let maximumDepth = 512

    /// Appends the XHTML of each child of `node`. Elements of a namespace other than
    /// `namespace` (SVG or MathML inside XHTML) declare theirs.
    mutating func appendChildren(of node: XMLNode, to out: inout [UInt8], depth: Int = 0,
                                 namespace: String? = XHTMLSerializer.xhtmlNamespace) {
        for child in node.children { append(child, to: &out, depth: depth, namespace: namespace) }
    }

    /// Appends the XHTML of `node` and everything below it; the `html`/`head`/`body` wrappers
    /// contribute only their children.
    mutating func append(_ node: XMLNode, to out: inout [UInt8], depth: Int = 0,
                         namespace: String? = XHTMLSerializer.xhtmlNamespace) {
        switch node.kind {
        case .text:
            Escaping.appendXML(node.text, to: &out)
        case .comment, .other:
            return
        case .element:
            let name = node.name
            let lower = name.lowercased()
            if Self.wrappers.contains(lower) {
                appendChildren(of: node, to: &out, depth: depth, namespace: namespace)
                return
            }
            if Self.droppedElements.contains(lower) {
                dropped.insert(lower)
                return
            }
            guard depth < Self.maximumDepth else {
                dropped.insert("markup nested deeper than \(Self.maximumDepth) levels")
                Escaping.appendXML(node.textContent, to: &out)
                return
            }
            guard Self.isXMLName(name) else {
                dropped.insert("<\(name)>")
                appendChildren(of: node, to: &out, depth: depth + 1, namespace: namespace)
                return
            }
            var ownNamespace = namespace
            // An XML element's namespace, or the `xmlns` an HTML parser left as an attribute
            // (`<svg xmlns="http://www.w3.org/2000/svg">` in raw HTML).
            let declared = node.namespaceURI
                ?? node.attributes.first { $0.name == "xmlns" && $0.prefix == nil && Self.foreignNamespaces.contains($0.value) }?.value
            if let uri = declared { ownNamespace = uri }
            // SVG names come back in their own case when an HTML parser lower-cased them.
            let fromHTML = node.namespaceURI == nil
            let adjustSVG = fromHTML && ownNamespace == Self.svgNamespace
            let elementName = adjustSVG ? Self.svgNames[name] ?? name : name
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: elementName.utf8)
            if let uri = declared, uri != namespace {
                out.append(contentsOf: " xmlns=\"".utf8)
                Escaping.appendXMLAttribute(uri, to: &out)
                out.append(UInt8(ascii: "\""))
            }
            var seen: Set<String> = []
            for attribute in node.attributes {
                var key = attribute.name
                if attribute.prefix == "xml" || key == "xml:lang" || key == "xml:space" {
                    key = "xml:" + (key.hasPrefix("xml:") ? String(key.dropFirst(4)) : key)
                    guard key == "xml:lang" || key == "xml:space" else { continue }
                } else if key == "xmlns" || key.hasPrefix("xmlns:") || attribute.prefix == "xmlns" {
                    continue
                } else if attribute.prefix != nil || !Self.isXMLName(key) {
                    dropped.insert("attribute \"\(attribute.prefix.map { $0 + ":" } ?? "")\(key)\"")
                    continue
                }
                if adjustSVG { key = Self.svgNames[key] ?? key }
                guard seen.insert(key).inserted else { continue }
                out.append(32)
                out.append(contentsOf: key.utf8)
                out.append(contentsOf: "=\"".utf8)
                Escaping.appendXMLAttribute(attribute.value, to: &out)
                out.append(UInt8(ascii: "\""))
            }
            if Self.voidElements.contains(lower) {
                out.append(contentsOf: " />".utf8)
                return
            }
            out.append(UInt8(ascii: ">"))
            appendChildren(of: node, to: &out, depth: depth + 1, namespace: ownNamespace)
            out.append(contentsOf: "</".utf8)
            out.append(contentsOf: elementName.utf8)
            out.append(UInt8(ascii: ">"))
        }
    }

    /// The XHTML of `node` as a string.
    mutating func markup(of node: XMLNode) -> String {
        var out: [UInt8] = []
        append(node, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// True for an XML name without a colon: a letter or `_`, then letters, digits, `-`, `.`, `_`.
    static func isXMLName(_ name: String) -> Bool {
        var first = true
        for scalar in name.unicodeScalars {
            let ok: Bool
            if scalar.isASCII {
                let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
                ok = first ? isLetter : isLetter || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "."
            } else {
                ok = scalar.properties.isAlphabetic || (!first && scalar.properties.numericType != nil)
            }
            if !ok { return false }
            first = false
        }
        return !first
    }
}
