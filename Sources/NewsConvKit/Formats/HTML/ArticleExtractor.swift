/// Finds the article in a web page: the container whose paragraphs score best by text length,
/// commas, link density and class/id hints, merged with related siblings, then cleaned of the
/// furniture left inside it (share bars, forms, link lists, empty paragraphs).
///
/// A Swift port of the ideas of Mozilla's Readability.js (Apache 2.0), working on ``HTMLDOM``.
/// It tries with every heuristic on, and if less than 500 characters of text come out, again
/// with fewer (keeping unlikely-looking parts, ignoring class names, not cleaning conditionally);
/// when every attempt is short, the strictest one that found any text wins.
struct ArticleExtractor {
    typealias NodeID = HTMLDOM.NodeID

    struct Flags: OptionSet {
        let rawValue: Int
        static let stripUnlikelyCandidates = Flags(rawValue: 1)
        static let weightClasses = Flags(rawValue: 2)
        static let cleanConditionally = Flags(rawValue: 4)
        static let all: Flags = [.stripUnlikelyCandidates, .weightClasses, .cleanConditionally]
    }

    /// The page, changed as the extractor works.
    var dom: HTMLDOM
    /// The headline already found in the page's metadata; a heading repeating it is dropped.
    var articleTitle = ""
    /// True when the metadata already names an author, so no byline is taken from the page.
    var metadataHasByline = false
    /// The dateline already found in the page's metadata: an element holding just that is not a byline.
    var knownDateline: String?
    /// The byline found in the page, if any (and removed from the article).
    private(set) var articleByline: String?
    /// The `lang` of `<html>`.
    private(set) var articleLanguage: String?
    /// The text direction (`rtl`) found around the article.
    private(set) var articleDirection: String?

    /// The heuristics in force for the current attempt.
    private(set) var flags: Flags = .all
    /// Text lengths remembered during the cleaning passes.
    let lengthCache = TextLengthCache()
    private static let charThreshold = 500
    private static let topCandidateCount = 5
    /// Parts of the page named furniture are removed while the finder walks it when they hold at
    /// most this much text: a newsletter box or a bio does, a story called `subscriber-content`
    /// does not (and if it is that short, the attempt finds too little and the next keeps it).
    private static let furnitureLimit = 3_000

    init(dom: HTMLDOM) {
        self.dom = dom
    }

    // MARK: Preparing the page

    /// Replaces lazy-loading placeholder images with the real image a `<noscript>` beside them
    /// holds, and drops images that have no source at all.
    mutating func unwrapNoscriptImages() {
        for img in dom.descendants(of: dom.document, named: "img") {
            let keeps = dom[img].attributes.contains { attribute in
                Self.imageSourceAttributes.contains(attribute.name) || Self.looksLikeImageFile(attribute.value)
            } || isInPictureWithSources(img)
            if !keeps { dom.detach(img) }
        }
        for noscript in dom.descendants(of: dom.document, named: "noscript") {
            guard dom.parent(noscript) != HTMLDOM.none, isSingleImage(noscript) else { continue }
            let previous = dom.previousElementSibling(noscript)
            guard previous != HTMLDOM.none, isSingleImage(previous) else { continue }
            let oldImage = dom.name(previous) == "img" ? previous : (dom.descendants(of: previous, named: "img").first ?? previous)
            guard let newImage = dom.descendants(of: noscript, named: "img").first else { continue }
            for attribute in dom[oldImage].attributes where !attribute.value.isEmpty {
                guard attribute.name == "src" || attribute.name == "srcset" || Self.looksLikeImageFile(attribute.value) else { continue }
                if dom.attribute(newImage, attribute.name) == attribute.value { continue }
                let name = dom.hasAttribute(newImage, attribute.name) ? "data-old-" + attribute.name : attribute.name
                dom.setAttribute(newImage, name, attribute.value)
            }
            let replacement = dom.firstElementChild(noscript)
            if replacement != HTMLDOM.none { dom.replace(previous, with: replacement) }
        }
    }

    /// Whether `img` is in a `<picture>` whose `<source>` elements give the image (so the
    /// `<img>` itself needs no `src`). libxml2 may put the `<img>` inside a `<source>`.
    private func isInPictureWithSources(_ img: NodeID) -> Bool {
        var id = dom.parent(img)
        if id != HTMLDOM.none, dom.name(id) == "source" { id = dom.parent(id) }
        guard id != HTMLDOM.none, dom.name(id) == "picture" else { return false }
        return dom.descendants(of: id, named: "source").contains { dom.hasAttribute($0, "srcset") || dom.hasAttribute($0, "data-srcset") }
    }

    private func isSingleImage(_ id: NodeID) -> Bool {
        var node = id
        while node != HTMLDOM.none {
            if dom.name(node) == "img" { return true }
            if dom.elementChildCount(node) != 1 || !dom.hasOnlyWhitespaceText(node) { return false }
            node = dom.firstElementChild(node)
        }
        return false
    }

    static func looksLikeImageFile(_ value: String) -> Bool {
        let lower = value.lowercased()
        return lower.contains(".jpg") || lower.contains(".jpeg") || lower.contains(".png") || lower.contains(".webp")
    }

    /// Removes scripts, `<noscript>` and styles, turns `<br><br>` runs into paragraphs and
    /// `<font>` into `<span>`.
    mutating func prepareDocument() {
        for node in dom.descendants(of: dom.document, named: "script", "noscript", "style") { dom.detach(node) }
        let body = dom.body
        if body != HTMLDOM.none { replaceBreaks(in: body) }
        for node in dom.descendants(of: dom.document, named: "font") { dom.rename(node, to: "span") }
    }

    /// The next sibling from `id` on that is an element or non-blank text.
    private func nextSignificant(_ id: NodeID) -> NodeID {
        var next = id
        while next != HTMLDOM.none, dom[next].isText, dom[next].text.isJSWhitespace { next = dom[next].next }
        return next
    }

    private mutating func replaceBreaks(in root: NodeID) {
        for br in dom.descendants(of: root, named: "br") {
            guard dom.parent(br) != HTMLDOM.none else { continue }
            var next = dom[br].next
            var replaced = false
            while true {
                next = nextSignificant(next)
                guard next != HTMLDOM.none, dom.name(next) == "br" else { break }
                replaced = true
                let sibling = dom[next].next
                dom.detach(next)
                next = sibling
            }
            guard replaced else { continue }
            let p = dom.createElement("p")
            dom.replace(br, with: p)
            next = dom[p].next
            while next != HTMLDOM.none {
                if dom.name(next) == "br" {
                    let after = nextSignificant(dom[next].next)
                    if after != HTMLDOM.none, dom.name(after) == "br" { break }
                }
                if !isPhrasingContent(next) { break }
                let sibling = dom[next].next
                dom.appendChild(next, to: p)
                next = sibling
            }
            while dom[p].lastChild != HTMLDOM.none, isWhitespace(dom[p].lastChild) { dom.detach(dom[p].lastChild) }
            let parent = dom.parent(p)
            if parent != HTMLDOM.none, dom.name(parent) == "p" { dom.rename(parent, to: "div") }
        }
    }

    // MARK: Node tests

    static let phrasingElements: Set<String> = [
        "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed", "i",
        "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress", "q",
        "ruby", "samp", "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "var", "wbr",
    ]
    private static let blockElements: Set<String> = ["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"]
    /// Elements removed while scoring when they hold no content (Readability's list).
    private static let removedWhenEmpty: Set<String> = ["div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6"]
    /// Attributes that make an `<img>` worth keeping.
    private static let imageSourceAttributes: Set<String> = ["src", "srcset", "data-src", "data-srcset"]
    private static let tagsToScore: Set<String> = ["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"]

    func isPhrasingContent(_ id: NodeID) -> Bool {
        if dom[id].isText { return true }
        let name = dom.name(id)
        if Self.phrasingElements.contains(name) { return true }
        guard name == "a" || name == "del" || name == "ins" else { return false }
        return dom.childNodes(id).allSatisfy(isPhrasingContent)
    }

    private func isWhitespace(_ id: NodeID) -> Bool {
        dom[id].isText ? dom[id].text.isJSWhitespace : dom.name(id) == "br"
    }

    private func isProbablyVisible(_ id: NodeID) -> Bool {
        if let style = dom.attribute(id, "style") {
            for declaration in style.split(separator: ";") {
                let parts = declaration.split(separator: ":", maxSplits: 1)
                guard parts.count == 2 else { continue }
                let property = parts[0].trimmingWhitespace.lowercased()
                let value = parts[1].trimmingWhitespace
                if property == "display" && value == "none" { return false }
                if property == "visibility" && value == "hidden" { return false }
            }
        }
        if dom.hasAttribute(id, "hidden") { return false }
        if dom.attribute(id, "aria-hidden") == "true" && !dom.className(id).contains("fallback-image") { return false }
        return true
    }

    private func isElementWithoutContent(_ id: NodeID) -> Bool {
        guard dom.hasOnlyWhitespaceText(id) else { return false }
        let children = dom.elementChildCount(id)
        return children == 0
            || children == dom.countDescendants(of: id, named: "br") + dom.countDescendants(of: id, named: "hr")
    }

    /// Exactly one child element, named `tag`, and no text beside it.
    func hasSingleTagInside(_ id: NodeID, _ tag: String) -> Bool {
        guard dom.elementChildCount(id) == 1, dom.name(dom.firstElementChild(id)) == tag else { return false }
        return !dom.childNodes(id).contains { dom[$0].isText && !dom[$0].text.isJSWhitespace }
    }

    private func hasChildBlockElement(_ id: NodeID) -> Bool {
        dom.childNodes(id).contains { child in
            !dom[child].isText && (Self.blockElements.contains(dom.name(child)) || hasChildBlockElement(child))
        }
    }

    func hasAncestor(_ id: NodeID, named tag: String, maxDepth: Int = 3, where filter: ((NodeID) -> Bool)? = nil) -> Bool {
        var node = id
        var depth = 0
        while dom.parent(node) != HTMLDOM.none {
            if maxDepth > 0 && depth > maxDepth { return false }
            let parent = dom.parent(node)
            if dom.name(parent) == tag && (filter?(parent) ?? true) { return true }
            node = parent
            depth += 1
        }
        return false
    }

    /// Share of the text below `id` that is link text (links to `#fragments` count 30%).
    func linkDensity(_ id: NodeID) -> Double {
        let textLength = innerTextLength(id)
        guard textLength > 0 else { return 0 }
        var linkLength = 0.0
        for link in dom.descendants(of: id, named: "a") {
            let href = dom.attribute(link, "href") ?? ""
            let coefficient = href.count > 1 && href.hasPrefix("#") ? 0.3 : 1
            linkLength += Double(innerTextLength(link)) * coefficient
        }
        return linkLength / Double(textLength)
    }

    /// `dom.innerTextLength(id)`, remembered while ``lengthCache`` is on (the cleaning passes
    /// ask for the same nested elements' lengths again and again).
    func innerTextLength(_ id: NodeID) -> Int {
        guard lengthCache.isOn else { return dom.innerTextLength(id) }
        if let length = lengthCache.lengths[id] { return length }
        let length = dom.innerTextLength(id)
        lengthCache.lengths[id] = length
        return length
    }

    /// Removes `id` from the tree, forgetting the remembered lengths of its ancestors.
    mutating func remove(_ id: NodeID) {
        forgetLengths(above: id)
        dom.detach(id)
    }

    /// Forgets the remembered text lengths of `id`'s ancestors, whose text is about to change.
    func forgetLengths(above id: NodeID) {
        guard lengthCache.isOn else { return }
        var node = dom.parent(id)
        while node != HTMLDOM.none {
            lengthCache.lengths[node] = nil
            node = dom.parent(node)
        }
    }

    /// +25 for a class or id that sounds like content, -25 for one that sounds like furniture.
    func classWeight(_ id: NodeID) -> Double {
        guard flags.contains(.weightClasses) else { return 0 }
        var weight = 0.0
        for value in [dom.className(id), dom.idAttribute(id)] where !value.isEmpty {
            if ArticlePatterns.isNegative(value) { weight -= 25 }
            if ArticlePatterns.positive.matches(value) { weight += 25 }
        }
        return weight
    }

    private mutating func initialize(_ id: NodeID) {
        var score = 0.0
        switch dom.name(id) {
        case "div": score += 5
        case "pre", "td", "blockquote": score += 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score -= 3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score -= 5
        default: break
        }
        dom.setScore(id, score + classWeight(id))
    }

    private func score(_ id: NodeID) -> Double { dom[id].score ?? 0 }

    /// Readability's `_textSimilarity`: the share of `b`'s words (by length) also in `a`.
    static func textSimilarity(_ a: String, _ b: String) -> Double {
        let tokensA = tokens(a), tokensB = tokens(b)
        guard !tokensA.isEmpty, !tokensB.isEmpty else { return 0 }
        let setA = Set(tokensA)
        let uniqueB = tokensB.filter { !setA.contains($0) }
        let total = tokensB.joined(separator: " ").utf16.count
        return 1 - Double(uniqueB.joined(separator: " ").utf16.count) / Double(total)
    }

    private static func tokens(_ text: String) -> [String] {
        // JavaScript's \W+ splits on everything but ASCII letters, digits and "_".
        var result: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): current.append(byte)
            default:
                if !current.isEmpty {
                    result.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
        return result
    }

    private mutating func checkByline(_ id: NodeID, matchString: String) -> Bool {
        guard articleByline == nil, !metadataHasByline else { return false }
        let rel = dom.attribute(id, "rel")
        let itemprop = dom.attribute(id, "itemprop") ?? ""
        guard rel == "author" || itemprop.contains("author") || ArticlePatterns.byline.matches(matchString) else { return false }
        let text = dom.textContent(id).trimmingJSWhitespace
        guard !text.isEmpty, text.utf16.count < 100, text != knownDateline else { return false }
        // A child marked itemprop="name" holds the name alone.
        var name = text
        let end = dom.nextNode(id, skippingChildren: true)
        var next = dom.nextNode(id)
        while next != HTMLDOM.none, next != end {
            if let prop = dom.attribute(next, "itemprop"), prop.contains("name") {
                let candidate = dom.textContent(next).trimmingJSWhitespace
                if !candidate.isEmpty { name = candidate }
                break
            }
            next = dom.nextNode(next)
        }
        articleByline = name
        return true
    }

    private func headerDuplicatesTitle(_ id: NodeID) -> Bool {
        let name = dom.name(id)
        guard name == "h1" || name == "h2", !articleTitle.isEmpty else { return false }
        return Self.textSimilarity(articleTitle, dom.innerText(id, normalizingSpaces: false)) > 0.75
    }

    // MARK: Finding the article

    /// Finds the article and returns a new `<div>` holding it, or nil when the page has no text.
    /// `rebuild` gives the prepared page again for another attempt (rebuilding is cheaper than
    /// keeping a copy of every node for the rare page that needs it).
    mutating func grabArticle(rebuild: () -> HTMLDOM) -> NodeID? {
        var page = dom.body
        guard page != HTMLDOM.none else { return nil }
        var attempts: [(dom: HTMLDOM, content: NodeID, length: Int)] = []

        while true {
            let stripUnlikely = flags.contains(.stripUnlikelyCandidates)
            var elementsToScore: [NodeID] = []
            var node = dom.documentElement
            var shouldRemoveTitleHeader = true

            while node != HTMLDOM.none {
                let tag = dom.name(node)
                if tag == "html" { articleLanguage = dom.attribute(node, "lang") }
                let matchString = dom.className(node) + " " + dom.idAttribute(node)

                if !isProbablyVisible(node) {
                    node = dom.removeAndGetNext(node)
                    continue
                }
                if dom.attribute(node, "aria-modal") == "true" && dom.attribute(node, "role") == "dialog" {
                    node = dom.removeAndGetNext(node)
                    continue
                }
                if checkByline(node, matchString: matchString) {
                    node = dom.removeAndGetNext(node)
                    continue
                }
                if shouldRemoveTitleHeader && headerDuplicatesTitle(node) {
                    shouldRemoveTitleHeader = false
                    node = dom.removeAndGetNext(node)
                    continue
                }
                if stripUnlikely {
                    if ArticlePatterns.unlikelyCandidates.matches(matchString)
                        && !ArticlePatterns.maybeCandidates.matches(matchString)
                        && !hasAncestor(node, named: "table") && !hasAncestor(node, named: "code")
                        && tag != "body" && tag != "a"
                    {
                        node = dom.removeAndGetNext(node)
                        continue
                    }
                    if let role = dom.attribute(node, "role"), ArticlePatterns.unlikelyRoles.contains(role) {
                        node = dom.removeAndGetNext(node)
                        continue
                    }
                }
                // Furniture named by its class (only while unlikely parts go) and loose captions.
                if tag != "body", let next = handleFurniture(node, limit: Self.furnitureLimit, removing: stripUnlikely) {
                    node = next
                    continue
                }
                if Self.removedWhenEmpty.contains(tag) && isElementWithoutContent(node) {
                    node = dom.removeAndGetNext(node)
                    continue
                }
                if Self.tagsToScore.contains(tag) { elementsToScore.append(node) }

                if tag == "div" {
                    wrapPhrasingContent(in: node)
                    if hasSingleTagInside(node, "p") && linkDensity(node) < 0.25 {
                        let child = dom.firstElementChild(node)
                        dom.replace(node, with: child)
                        node = child
                        elementsToScore.append(node)
                    } else if !hasChildBlockElement(node) {
                        dom.rename(node, to: "p")
                        elementsToScore.append(node)
                    }
                }
                node = dom.nextNode(node)
            }

            let candidates = scoreParagraphs(elementsToScore)
            let (content, topCandidate, parentOfTop) = collectArticle(from: candidates, page: page)
            prepareArticle(content)

            let textLength = dom.innerTextLength(content)
            if textLength >= Self.charThreshold {
                findDirection(topCandidate: topCandidate, parent: parentOfTop)
                return content
            }
            attempts.append((dom, content, textLength))
            dom = rebuild()
            page = dom.body
            guard page != HTMLDOM.none else { return nil }
            if flags.contains(.stripUnlikelyCandidates) {
                flags.remove(.stripUnlikelyCandidates)
            } else if flags.contains(.weightClasses) {
                flags.remove(.weightClasses)
            } else if flags.contains(.cleanConditionally) {
                flags.remove(.cleanConditionally)
            } else {
                // Nothing long enough: a short article. Readability takes the longest attempt, but
                // the longer ones only add what the stricter ones removed as page furniture (a
                // masthead, a comment box), so the strictest attempt that found text wins.
                guard let best = attempts.first(where: { $0.length > 0 }) else { return nil }
                dom = best.dom
                return best.content
            }
        }
    }

    /// Puts runs of phrasing content (text, links, spans) directly inside a `<div>` into paragraphs.
    private mutating func wrapPhrasingContent(in div: NodeID) {
        var p = HTMLDOM.none
        var child = dom[div].firstChild
        while child != HTMLDOM.none {
            let next = dom[child].next
            if isPhrasingContent(child) {
                if p != HTMLDOM.none {
                    dom.appendChild(child, to: p)
                } else if !isWhitespace(child) {
                    p = dom.createElement("p")
                    dom.replace(child, with: p)
                    dom.appendChild(child, to: p)
                }
            } else if p != HTMLDOM.none {
                while dom[p].lastChild != HTMLDOM.none, isWhitespace(dom[p].lastChild) { dom.detach(dom[p].lastChild) }
                p = HTMLDOM.none
            }
            child = next
        }
    }

    /// Scores each paragraph and adds the score to its parent (in full), grandparent (half) and
    /// further ancestors (less), returning the ancestors that got a score.
    private mutating func scoreParagraphs(_ elements: [NodeID]) -> [NodeID] {
        var candidates: [NodeID] = []
        for element in elements {
            let parent = dom.parent(element)
            guard parent != HTMLDOM.none, dom.isElement(parent) else { continue }
            let length = dom.innerTextLength(element)
            guard length >= 25 else { continue }
            let ancestors = dom.ancestors(of: element, maxDepth: 5)
            guard !ancestors.isEmpty else { continue }
            var contentScore = 1.0
            contentScore += Double(dom.commaCount(element, allScripts: true) + 1)
            contentScore += Double(min(length / 100, 3))
            for (level, ancestor) in ancestors.enumerated() {
                let grandparent = dom.parent(ancestor)
                guard grandparent != HTMLDOM.none, dom.isElement(grandparent) else { continue }
                if dom[ancestor].score == nil {
                    initialize(ancestor)
                    candidates.append(ancestor)
                }
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
                dom.setScore(ancestor, score(ancestor) + contentScore / divider)
            }
        }
        return candidates
    }

    /// Picks the best candidate, climbs to a better ancestor where the scores say so, and moves
    /// it and its related siblings into a new container.
    private mutating func collectArticle(from candidates: [NodeID], page: NodeID) -> (content: NodeID, top: NodeID, parent: NodeID) {
        var topCandidates: [NodeID] = []
        for candidate in candidates {
            let adjusted = score(candidate) * (1 - linkDensity(candidate))
            dom.setScore(candidate, adjusted)
            for t in 0..<Self.topCandidateCount {
                if t >= topCandidates.count || adjusted > score(topCandidates[t]) {
                    topCandidates.insert(candidate, at: t)
                    if topCandidates.count > Self.topCandidateCount { topCandidates.removeLast() }
                    break
                }
            }
        }

        var topCandidate = topCandidates.first ?? HTMLDOM.none
        func isBodyOrAbove(_ node: NodeID) -> Bool {
            node == HTMLDOM.none || !dom.isElement(node) || dom.name(node) == "body" || dom.name(node) == "html"
        }

        if topCandidate == HTMLDOM.none || dom.name(topCandidate) == "body" {
            // No candidate: the whole body is the article.
            topCandidate = dom.createElement("div")
            while dom[page].firstChild != HTMLDOM.none { dom.appendChild(dom[page].firstChild, to: topCandidate) }
            dom.appendChild(topCandidate, to: page)
            initialize(topCandidate)
        } else {
            // Several near-best candidates under one ancestor: that ancestor is the article.
            let alternatives = topCandidates.dropFirst()
                .filter { score($0) / score(topCandidate) >= 0.75 }
                .map { Set(dom.ancestors(of: $0)) }
            if alternatives.count >= 3 {
                var parent = dom.parent(topCandidate)
                while !isBodyOrAbove(parent) {
                    if alternatives.filter({ $0.contains(parent) }).count >= 3 {
                        topCandidate = parent
                        break
                    }
                    parent = dom.parent(parent)
                }
            }
            if dom[topCandidate].score == nil { initialize(topCandidate) }

            // A parent scoring higher than its best child is the better container.
            var parent = dom.parent(topCandidate)
            var lastScore = score(topCandidate)
            let threshold = lastScore / 3
            while !isBodyOrAbove(parent) {
                guard let parentScore = dom[parent].score else {
                    parent = dom.parent(parent)
                    continue
                }
                if parentScore < threshold { break }
                if parentScore > lastScore {
                    topCandidate = parent
                    break
                }
                lastScore = parentScore
                parent = dom.parent(parent)
            }

            // An only child gives way to its parent, so its siblings can be merged.
            parent = dom.parent(topCandidate)
            while !isBodyOrAbove(parent), dom.elementChildCount(parent) == 1 {
                topCandidate = parent
                parent = dom.parent(topCandidate)
            }
            if dom[topCandidate].score == nil { initialize(topCandidate) }
        }

        let content = dom.createElement("div")
        let siblingThreshold = max(10, score(topCandidate) * 0.2)
        let parentOfTop = dom.parent(topCandidate)
        guard parentOfTop != HTMLDOM.none else {
            dom.appendChild(topCandidate, to: content)
            return (content, topCandidate, parentOfTop)
        }
        let topClass = dom.className(topCandidate)
        var sibling = dom.firstElementChild(parentOfTop)
        while sibling != HTMLDOM.none {
            let next = dom.nextElementSibling(sibling)
            var append = false
            if sibling == topCandidate {
                append = true
            } else {
                let bonus = !topClass.isEmpty && dom.className(sibling) == topClass ? score(topCandidate) * 0.2 : 0
                if let siblingScore = dom[sibling].score, siblingScore + bonus >= siblingThreshold {
                    append = true
                } else if dom.name(sibling) == "p" {
                    let density = linkDensity(sibling)
                    let text = dom.innerText(sibling)
                    let length = text.utf16.count
                    if length > 80 && density < 0.25 {
                        append = true
                    } else if length < 80 && length > 0 && density == 0 && Self.hasSentenceEnd(text) {
                        append = true
                    }
                }
            }
            if append {
                if !["div", "article", "section", "p", "ol", "ul"].contains(dom.name(sibling)) {
                    dom.rename(sibling, to: "div")
                }
                dom.appendChild(sibling, to: content)
            }
            sibling = next
        }
        return (content, topCandidate, parentOfTop)
    }

    /// `/\.( |$)/`: a full stop followed by a space or the end.
    private static func hasSentenceEnd(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: ".") {
            if i + 1 == bytes.count || bytes[i + 1] == 32 { return true }
        }
        return false
    }

    private mutating func findDirection(topCandidate: NodeID, parent: NodeID) {
        var chain: [NodeID] = []
        if parent != HTMLDOM.none { chain = [parent, topCandidate] + dom.ancestors(of: parent) } else { chain = [topCandidate] }
        for node in chain where dom.isElement(node) {
            if let direction = dom.attribute(node, "dir"), !direction.isEmpty {
                articleDirection = direction
                return
            }
        }
    }
}

extension Substring {
    fileprivate var trimmingWhitespace: String { String(self).trimmingJSWhitespace }
}

/// Text lengths of elements, remembered while the tree only loses nodes (a class, so that
/// non-mutating measurements can fill it).
final class TextLengthCache {
    var isOn = false
    var lengths: [HTMLDOM.NodeID: Int] = [:]

    func start() {
        isOn = true
        lengths.removeAll(keepingCapacity: true)
    }

    func stop() {
        isOn = false
        lengths.removeAll()
    }
}
