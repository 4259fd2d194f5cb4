// Cleaning the article container once it is found: Readability's `_prepArticle`.
extension ArticleExtractor {
    /// Removes what is left of the page's furniture inside the article: forms, embeds, share
    /// bars, headings that look like furniture, link lists, empty paragraphs, layout tables.
    mutating func prepareArticle(_ root: NodeID) {
        lengthCache.start()
        defer { lengthCache.stop() }
        markDataTables(root)
        fixLazyImages(root)

        cleanConditionally(root, "form")
        cleanConditionally(root, "fieldset")
        clean(root, "object")
        clean(root, "embed")
        clean(root, "footer")
        clean(root, "link")
        clean(root, "aside")

        for child in dom.elementChildren(root) {
            cleanMatchedNodes(child) { dom, node, matchString in
                ArticlePatterns.isShareElement(matchString) && dom.textContentLength(node) < 500
            }
        }

        clean(root, "iframe")
        clean(root, "input")
        clean(root, "textarea")
        clean(root, "select")
        clean(root, "button")
        cleanHeaders(root)

        cleanConditionally(root, "table")
        cleanConditionally(root, "ul")
        cleanConditionally(root, "div")

        for h1 in dom.descendants(of: root, named: "h1") { dom.rename(h1, to: "h2") }

        for p in dom.descendants(of: root, named: "p").reversed() where dom.parent(p) != HTMLDOM.none {
            if !dom.hasDescendant(of: p, named: "img", "embed", "object", "iframe") && dom.innerText(p, normalizingSpaces: false).isEmpty {
                remove(p)
            }
        }

        for br in dom.descendants(of: root, named: "br") {
            var next = dom[br].next
            while next != HTMLDOM.none, dom[next].isText, dom[next].text.isJSWhitespace { next = dom[next].next }
            if next != HTMLDOM.none, dom.name(next) == "p" { remove(br) }
        }

        // A table of one cell is layout: keep the cell's content.
        for table in dom.descendants(of: root, named: "table") where dom.parent(table) != HTMLDOM.none {
            let body = hasSingleTagInside(table, "tbody") ? dom.firstElementChild(table) : table
            guard hasSingleTagInside(body, "tr") else { continue }
            let row = dom.firstElementChild(body)
            guard hasSingleTagInside(row, "td") else { continue }
            let cell = dom.firstElementChild(row)
            dom.rename(cell, to: dom.childNodes(cell).allSatisfy(isPhrasingContent) ? "p" : "div")
            forgetLengths(above: table)
            dom.replace(table, with: cell)
        }
    }

    /// Removes every `tag` element below `root`, except embeds of known video sites.
    private mutating func clean(_ root: NodeID, _ tag: String) {
        let isEmbed = tag == "object" || tag == "embed" || tag == "iframe"
        for node in dom.descendants(of: root, named: tag).reversed() where dom.parent(node) != HTMLDOM.none {
            if isEmbed && isVideoEmbed(node) { continue }
            remove(node)
        }
    }

    private func isVideoEmbed(_ node: NodeID) -> Bool {
        if dom[node].attributes.contains(where: { ArticlePatterns.videoHosts.matches($0.value) }) { return true }
        if dom.name(node) == "object" {
            return dom.firstDescendant(of: node) { child in
                dom[child].attributes.contains { ArticlePatterns.videoHosts.matches($0.value) }
            } != nil
        }
        return false
    }

    private mutating func cleanMatchedNodes(_ root: NodeID, _ filter: (HTMLDOM, NodeID, String) -> Bool) {
        let end = dom.nextNode(root, skippingChildren: true)
        var next = dom.nextNode(root)
        while next != HTMLDOM.none, next != end {
            if filter(dom, next, dom.className(next) + " " + dom.idAttribute(next)) {
                forgetLengths(above: next)
                next = dom.removeAndGetNext(next)
            } else {
                next = dom.nextNode(next)
            }
        }
    }

    private mutating func cleanHeaders(_ root: NodeID) {
        for heading in dom.descendants(of: root, named: "h1", "h2").reversed() where dom.parent(heading) != HTMLDOM.none {
            if classWeight(heading) < 0 { remove(heading) }
        }
    }

    /// Marks tables that hold data (headers, captions, many cells) rather than page layout.
    private mutating func markDataTables(_ root: NodeID) {
        for table in dom.descendants(of: root, named: "table") {
            dom.setDataTable(table, isDataTable(table))
        }
    }

    private func isDataTable(_ table: NodeID) -> Bool {
        if dom.attribute(table, "role") == "presentation" { return false }
        if dom.attribute(table, "datatable") == "0" { return false }
        if let summary = dom.attribute(table, "summary"), !summary.isEmpty { return true }
        if let caption = dom.descendants(of: table, named: "caption").first, dom[caption].firstChild != HTMLDOM.none { return true }
        if dom.hasDescendant(of: table, named: "col", "colgroup", "tfoot", "thead", "th") { return true }
        if dom.hasDescendant(of: table, named: "table") { return false }
        var rows = 0, columns = 0
        for row in dom.descendants(of: table, named: "tr") {
            rows += max(Int(dom.attribute(row, "rowspan") ?? "") ?? 1, 1)
            var inRow = 0
            for cell in dom.descendants(of: row, named: "td") {
                inRow += max(Int(dom.attribute(cell, "colspan") ?? "") ?? 1, 1)
            }
            columns = max(columns, inRow)
        }
        if columns == 1 || rows == 1 { return false }
        if rows >= 10 || columns > 4 { return true }
        return rows * columns > 10
    }

    /// Makes lazy-loaded images loadable: copies an image address from `data-*` attributes
    /// into `src` or `srcset`, and drops tiny placeholder `data:` sources.
    private mutating func fixLazyImages(_ root: NodeID) {
        for element in dom.descendants(of: root, named: "img", "picture", "figure") {
            if let src = dom.attribute(element, "src"), let mediaType = Self.base64MediaType(src) {
                if mediaType == "image/svg+xml" { continue }
                let hasOtherImage = dom[element].attributes.contains { $0.name != "src" && Self.looksLikeImageFile($0.value) }
                if hasOtherImage, let start = Self.utf16Offset(of: "base64", in: src), src.utf16.count - (start + 7) < 133 {
                    dom.removeAttribute(element, "src")
                }
            }
            let src = dom.attribute(element, "src") ?? ""
            let srcset = dom.attribute(element, "srcset") ?? ""
            if (!src.isEmpty || (!srcset.isEmpty && srcset != "null")) && !dom.className(element).lowercased().contains("lazy") {
                continue
            }
            for attribute in dom[element].attributes where !["src", "srcset", "alt"].contains(attribute.name) {
                let copyTo: String?
                if Self.looksLikeSrcset(attribute.value) {
                    copyTo = "srcset"
                } else if Self.looksLikeSingleImageURL(attribute.value) {
                    copyTo = "src"
                } else {
                    copyTo = nil
                }
                guard let copyTo else { continue }
                let name = dom.name(element)
                if name == "img" || name == "picture" {
                    dom.setAttribute(element, copyTo, attribute.value)
                } else if name == "figure" && !dom.hasDescendant(of: element, named: "img", "picture") {
                    let img = dom.createElement("img", attributes: [HTMLAttribute(name: copyTo, value: attribute.value)])
                    dom.appendChild(img, to: element)
                }
            }
        }
    }

    /// Where `needle` (lower-case ASCII) first occurs in `text` ignoring case, in UTF-16 units.
    static func utf16Offset(of needle: String, in text: String) -> Int? {
        let haystack = Array(text.lowercased().utf16), pattern = Array(needle.utf16)
        guard haystack.count >= pattern.count else { return nil }
        for i in 0...(haystack.count - pattern.count) where haystack[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
        return nil
    }

    /// The media type of a `data:TYPE;base64,` URL.
    static func base64MediaType(_ src: String) -> String? {
        let lower = src.lowercased()
        guard lower.hasPrefix("data:"), let semicolon = lower.firstIndex(of: ";") else { return nil }
        let type = lower[lower.index(lower.startIndex, offsetBy: 5)..<semicolon].trimmingCharactersJS
        let rest = lower[lower.index(after: semicolon)...].drop { $0 == " " }
        guard rest.hasPrefix("base64"), rest.dropFirst(6).drop(while: { $0 == " " }).hasPrefix(","), !type.isEmpty,
            !type.contains(" "), !type.contains(",")
        else { return nil }
        return type
    }

    private static let imageExtensions = ["jpg", "jpeg", "png", "webp"]

    /// `/\.(jpg|jpeg|png|webp)\s+\d/`: an image file name followed by a width or density.
    static func looksLikeSrcset(_ value: String) -> Bool {
        let scalars = Array(value.lowercased().unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "." {
                for ext in imageExtensions {
                    let e = Array(ext.unicodeScalars)
                    var j = i + 1
                    guard j + e.count <= scalars.count, Array(scalars[j..<(j + e.count)]) == e else { continue }
                    j += e.count
                    var spaces = 0
                    while j < scalars.count, JSWhitespace.contains(scalars[j]) { j += 1; spaces += 1 }
                    if spaces > 0, j < scalars.count, ("0"..."9").contains(scalars[j]) { return true }
                }
            }
            i += 1
        }
        return false
    }

    /// `/^\s*\S+\.(jpg|jpeg|png|webp)\S*\s*$/`: one image address and nothing else.
    static func looksLikeSingleImageURL(_ value: String) -> Bool {
        let trimmed = value.trimmingJSWhitespace.lowercased()
        guard !trimmed.isEmpty, !trimmed.unicodeScalars.contains(where: JSWhitespace.contains) else { return false }
        let bytes = Array(trimmed.utf8)
        for i in bytes.indices.dropFirst() where bytes[i] == UInt8(ascii: ".") {
            let rest = bytes[(i + 1)...]
            if imageExtensions.contains(where: { rest.starts(with: $0.utf8) }) { return true }
        }
        return false
    }

    /// Readability's `_cleanConditionally`: removes `tag` elements that look like furniture
    /// (more images or list items than paragraphs, mostly links, short with links, embeds,
    /// nothing but an ad label) unless they are or hold data tables.
    private mutating func cleanConditionally(_ root: NodeID, _ tag: String) {
        guard flags.contains(.cleanConditionally) else { return }
        for node in dom.descendants(of: root, named: tag).reversed() where dom.parent(node) != HTMLDOM.none {
            if shouldRemoveConditionally(node, tag: tag) { remove(node) }
        }
    }

    private func shouldRemoveConditionally(_ node: NodeID, tag: String) -> Bool {
        var isList = tag == "ul" || tag == "ol"
        if !isList {
            var listLength = 0
            for list in dom.descendants(of: node, named: "ul", "ol") { listLength += innerTextLength(list) }
            let length = innerTextLength(node)
            isList = length > 0 ? Double(listLength) / Double(length) > 0.9 : listLength > 0
        }
        if tag == "table" && dom[node].isDataTable { return false }
        if hasAncestor(node, named: "table", maxDepth: -1, where: { dom[$0].isDataTable }) { return false }
        if hasAncestor(node, named: "code") { return false }
        if dom.descendants(of: node, named: "table").contains(where: { dom[$0].isDataTable }) { return false }

        let weight = classWeight(node)
        if weight < 0 { return true }
        guard dom.commaCount(node, allScripts: false) < 10 else { return false }

        let p = dom.countDescendants(of: node, named: "p")
        let img = dom.countDescendants(of: node, named: "img")
        let li = dom.countDescendants(of: node, named: "li") - 100
        let input = dom.countDescendants(of: node, named: "input")
        let headingDensity = textDensity(node, tags: ["h1", "h2", "h3", "h4", "h5", "h6"])

        var embedCount = 0
        for embed in dom.descendants(of: node, named: "object", "embed", "iframe") {
            if isVideoEmbed(embed) { return false }
            embedCount += 1
        }

        let contentLength = innerTextLength(node)
        // Only short text can be nothing but an advertisement label or a loading indicator.
        if contentLength < 32, ArticlePatterns.isAdOrLoadingText(dom.innerText(node)) { return true }

        let density = linkDensity(node)
        let textishDensity = textDensity(node, tags: ["span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"])
        let isFigureChild = hasAncestor(node, named: "figure")

        var remove = false
        if !isFigureChild && img > 1 && Double(p) / Double(img) < 0.5 { remove = true }
        if !isList && li > p { remove = true }
        if input > p / 3 { remove = true }
        if !isList && !isFigureChild && headingDensity < 0.9 && contentLength < 25 && (img == 0 || img > 2) && density > 0 { remove = true }
        if !isList && weight < 25 && density > 0.2 { remove = true }
        if weight >= 25 && density > 0.5 { remove = true }
        if (embedCount == 1 && contentLength < 75) || embedCount > 1 { remove = true }
        if img == 0 && textishDensity == 0 { remove = true }

        // A plain list of images may stay.
        if isList && remove {
            for child in dom.elementChildren(node) where dom.elementChildCount(child) > 1 { return true }
            if img == dom.countDescendants(of: node, named: "li") { return false }
        }
        return remove
    }

    /// Share of the text below `node` that is inside elements named `tags`.
    private func textDensity(_ node: NodeID, tags: Set<String>) -> Double {
        let length = innerTextLength(node)
        guard length > 0 else { return 0 }
        var inside = 0
        dom.forEachDescendant(of: node) { child in
            if !dom[child].isText, tags.contains(dom.name(child)) { inside += innerTextLength(child) }
        }
        return Double(inside) / Double(length)
    }
}

extension Substring {
    fileprivate var trimmingCharactersJS: String { String(self).trimmingJSWhitespace }
}
