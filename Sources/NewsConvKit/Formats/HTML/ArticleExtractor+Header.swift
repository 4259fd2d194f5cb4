extension ArticleExtractor {
    /// Words of a class or id that mark a story's deck: `standfirst`, `article__dek`, `c-deck`.
    private static let deckWords: Set<Substring> = ["standfirst", "deck", "dek", "subtitle", "subheadline", "subhead", "strapline"]

    /// The texts of the decks and bylines in the headers of the page's `<article>` elements.
    struct HeaderTexts {
        /// Elements whose class or id names a deck (`standfirst`, `dek`).
        var decks: Set<String> = []
        /// Elements that look like a byline (class or id `byline`/`author`, `rel="author"`).
        var bylines: Set<String> = []
    }

    /// Reads the ``HeaderTexts`` before the article is found, which may unwrap an element and
    /// lose its class (`<div class="standfirst">text</div>` becomes `<p>text</p>`).
    func articleHeaderTexts() -> HeaderTexts {
        var texts = HeaderTexts()
        for header in dom.descendants(of: dom.document, named: "header") where hasAncestor(header, named: "article", maxDepth: 0) {
            dom.forEachDescendant(of: header) { node in
                // A handful at most: a hostile page could nest thousands.
                guard texts.decks.count + texts.bylines.count < 8, dom.isElement(node) else { return }
                let isDeck = isDeck(node), isByline = !isDeck && isBylineElement(node)
                guard isDeck || isByline, !dom.hasDescendant(of: node, named: "h1") else { return }
                let text = dom.textContent(node).collapsingWhitespace
                guard !text.isEmpty, text.utf8.count <= 1_000 else { return }
                if isDeck { texts.decks.insert(text) } else if text.count < 100 { texts.bylines.insert(text) }
            }
        }
        return texts
    }

    /// Takes the deck, the byline and the publication date out of the article's own header into
    /// `metadata`, so they do not stay behind as the first paragraphs of the body:
    /// `<article><header><h1>…</h1><p class="standfirst">…</p><time datetime=…>…</time></header>…`.
    ///
    /// Only a `<header>` inside an `<article>` that the extracted `content` holds counts. The deck is
    /// an element with one of the deck texts of `texts` (see ``articleHeaderTexts()``); the date is
    /// a `<time datetime>` that is a child of the header or all of the text of one. Each is taken
    /// when `metadata` lacks it or says the same; otherwise it stays where it is. A byline is taken
    /// while the article is found when the metadata names no author; one that names the metadata's
    /// first author (`By Jane Doe, Staff writer`) is dropped here.
    mutating func takeHeaderFields(from content: NodeID, texts: HeaderTexts, into metadata: inout Metadata) {
        guard let header = dom.descendants(of: content, named: "header").first(where: { isInArticle($0, within: content) }) else { return }
        for node in dom.descendants(of: header, named: "time").prefix(4) {
            guard let value = dom.attribute(node, "datetime")?.trimmingJSWhitespace, !value.isEmpty else { continue }
            // The time itself, or the element of the header that holds just the time.
            let text = dom.textContent(node).trimmingJSWhitespace
            var part = node
            while part != HTMLDOM.none, dom.parent(part) != header {
                let parent = dom.parent(part)
                part = parent != HTMLDOM.none && dom.textContent(parent).trimmingJSWhitespace == text ? parent : HTMLDOM.none
            }
            guard part != HTMLDOM.none else { continue }
            let published = Timestamp(value)
            if metadata.published == nil { metadata.published = published }
            guard metadata.published == published else { continue }
            remove(part)
            break
        }
        if let deck = element(in: header, withTextIn: texts.decks) {
            let text = dom.textContent(deck).collapsingWhitespace
            if metadata.subheadline == nil { metadata.subheadline = text }
            if metadata.subheadline == text { remove(deck) }
        }
        if let first = metadata.bylines.first?.name.lowercased(), !first.isEmpty,
           let byline = element(in: header, withTextIn: texts.bylines) {
            var text = dom.textContent(byline).collapsingWhitespace.lowercased()
            for prefix in ["by: ", "by "] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
            if text.hasPrefix(first) { remove(byline) }
        }
    }

    /// The first element in `header` (not holding the `<h1>`) whose text is one of `texts`.
    private func element(in header: NodeID, withTextIn texts: Set<String>) -> NodeID? {
        guard !texts.isEmpty else { return nil }
        var budget = 256  // elements looked at; a header has a few
        var exhausted = false
        let found = dom.firstDescendant(of: header) { node in
            guard dom.isElement(node) else { return false }
            guard budget > 0 else {
                exhausted = true
                return true
            }
            budget -= 1
            return !dom.hasDescendant(of: node, named: "h1") && texts.contains(dom.textContent(node).collapsingWhitespace)
        }
        return exhausted ? nil : found
    }

    /// Whether `id` has an `<article>` among its ancestors up to (not beyond) `content`.
    private func isInArticle(_ id: NodeID, within content: NodeID) -> Bool {
        var node = dom.parent(id)
        while node != HTMLDOM.none {
            if dom.name(node) == "article" { return true }
            if node == content { return false }
            node = dom.parent(node)
        }
        return false
    }

    private func isBylineElement(_ id: NodeID) -> Bool {
        dom.attribute(id, "rel") == "author" || (dom.attribute(id, "itemprop") ?? "").contains("author")
            || ArticlePatterns.byline.matches(dom.className(id) + " " + dom.idAttribute(id))
    }

    private func isDeck(_ id: NodeID) -> Bool {
        for value in [dom.className(id), dom.idAttribute(id)] where !value.isEmpty {
            let words = value.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" })
            if words.contains(where: { Self.deckWords.contains($0) }) { return true }
        }
        return false
    }
}
