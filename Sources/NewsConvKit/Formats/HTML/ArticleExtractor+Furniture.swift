// The page furniture left inside the article once it is found, told by what the page's own markup
// calls it: newsletter boxes, author bios, captions outside <figure>, the description shown as a deck.
extension ArticleExtractor {
    /// Removes the parts of the extracted `content` whose `class` or `id` names page furniture
    /// (``ArticlePatterns/furnitureWords``: newsletter and subscription boxes, calls to action,
    /// author bios, "related" and "trending" lists, tag lists, tables of contents, cookie notices,
    /// print-only headers, ad slots), and turns captions marked up without `<figure>`
    /// (`<div class="photo"><img><span class="caption">…</span></div>`) into figures, so they
    /// stay with their picture and are not read as paragraphs of the story.
    ///
    /// A part holding a quarter or more of the article's text is never furniture, whatever its
    /// name: a site may call its whole story `subscriber-content`.
    mutating func removeFurniture(from content: NodeID) {
        let limit = dom.innerTextLength(content) / 4
        let end = dom.nextNode(content, skippingChildren: true)
        var node = dom.nextNode(content)
        while node != HTMLDOM.none, node != end {
            node = handleFurniture(node, limit: limit) ?? dom.nextNode(node)
        }
    }

    /// Removes `node` when its class or id names furniture, or makes it a figure when they name
    /// a loose caption, and returns the next node to look at; nil when `node` is neither, or
    /// holds more than `limit` characters of text. Furniture stays when not `removing`. The
    /// article finder calls this on every element of the page as it walks it (before it reshapes
    /// the page and loses class names), with a fixed limit, and ``removeFurniture(from:)`` on
    /// what it found, with a quarter of its text.
    mutating func handleFurniture(_ node: NodeID, limit: Int, removing: Bool = true) -> NodeID? {
        // Measured only as far as the limit: a large part costs no more than a small one.
        func isSmall(_ node: NodeID, empty: Bool = true) -> Bool {
            let length = dom.innerTextLength(node, upTo: limit)
            return length == 0 ? empty : length <= limit
        }
        if removing, let property = dom.attribute(node, "itemprop"), isMetadataProperty(property),
            !hasAncestor(node, named: "figure", maxDepth: -1), isSmall(node)
        {
            return dom.removeAndGetNext(node)
        }
        let className = dom.className(node), id = dom.idAttribute(node)
        guard !className.isEmpty || !id.isEmpty else { return nil }
        switch ArticlePatterns.furnitureKind(className, id) {
        case .furniture? where removing && isSmall(node):
            return dom.removeAndGetNext(node)
        case .caption? where isLooseCaption(node):
            return isSmall(node, empty: false) ? makeFigure(caption: node) : nil
        default:
            return nil
        }
    }

    /// schema.org microdata properties of an article that are its metadata, not its text (the
    /// metadata reader has them): `itemprop="description"` shown as a deck, `publisher`,
    /// `keywords`. Not when the element also holds `articleBody`.
    private func isMetadataProperty(_ value: String) -> Bool {
        let properties = value.split(separator: " ")
        return !properties.contains("articleBody") && properties.contains { ArticlePatterns.metadataProperties.contains(String($0)) }
    }

    /// A caption outside any figure, holding a line of text but no picture (a wrapper named
    /// `has-caption` holds the picture too, and is not the caption; one with a heading or
    /// longer text is a video's or gallery's description, more than a caption).
    private func isLooseCaption(_ node: NodeID) -> Bool {
        let name = dom.name(node)
        return name != "figure" && name != "figcaption" && !hasAncestor(node, named: "figure", maxDepth: -1)
            && !dom.hasDescendant(of: node, named: "figure", "img", "picture", "video", "iframe", "table", "h1", "h2", "h3", "h4", "h5", "h6")
            && dom.innerTextLength(node) <= 500
    }

    /// Makes `caption` a `<figcaption>` in a `<figure>`: its parent when the parent holds nothing
    /// else but pictures, else a new figure in its place. Returns the next node to look at.
    private mutating func makeFigure(caption: NodeID) -> NodeID {
        dom.rename(caption, to: "figcaption")
        // A credit line beside the caption (`<div class="credit">AP Photo</div>`) goes with it.
        var sibling = dom.nextElementSibling(caption)
        while sibling != HTMLDOM.none, HTMLBlockBuilder.creditWords.matches(dom.className(sibling)), dom.innerTextLength(sibling) <= 200 {
            let following = dom.nextElementSibling(sibling)
            dom.appendChild(sibling, to: caption)
            sibling = following
        }
        let next = dom.nextNode(caption, skippingChildren: true)
        func holdsOnly(_ node: NodeID, _ part: NodeID, orPictures: Bool) -> Bool {
            dom.childNodes(node).allSatisfy { child in
                child == part || (dom[child].isText ? dom[child].text.isJSWhitespace : orPictures && dom.hasOnlyWhitespaceText(child))
            }
        }
        // The caption alone in a wrapper (a paragraph the finder made of the caption's line):
        // the wrapper is the caption's place.
        var part = caption
        while dom.parent(part) != HTMLDOM.none, dom.name(dom.parent(part)) == "p", holdsOnly(dom.parent(part), part, orPictures: false) {
            part = dom.parent(part)
        }
        let parent = dom.parent(part)
        if parent != HTMLDOM.none, dom.isElement(parent), dom.name(parent) != "body", holdsOnly(parent, part, orPictures: true) {
            // Pictures and their caption: the parent is the figure.
            if part != caption { dom.replace(part, with: caption) }
            dom.rename(parent, to: "figure")
        } else {
            let figure = dom.createElement("figure")
            dom.replace(part, with: figure)
            dom.appendChild(caption, to: figure)
        }
        return next
    }
}
