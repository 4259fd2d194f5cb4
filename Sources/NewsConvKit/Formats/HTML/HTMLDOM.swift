/// One attribute of an element in an ``HTMLDOM``.
struct HTMLAttribute: Sendable, Equatable {
    var name: String
    var value: String
}

/// A mutable copy of a parsed HTML page, for finding the article in it.
///
/// Nodes live in one array and point at each other by index, like a browser DOM's
/// parent/child/sibling links, so moving and removing nodes is O(1) and the whole tree is a
/// value: `let saved = dom` keeps a snapshot that later edits do not touch (copy-on-write), which
/// is how the article finder retries with other settings. Removed nodes stay in the array,
/// unlinked, with their own subtrees intact (as a detached DOM subtree does).
struct HTMLDOM: Sendable {
    typealias NodeID = Int
    /// "No node".
    static let none: NodeID = -1

    struct Node: Sendable {
        /// Lower-case element name; `#text` for text and `#document` for the root.
        var name: String
        var isText: Bool
        /// The text of a text node.
        var text: String
        var attributes: [HTMLAttribute]
        var parent: NodeID = HTMLDOM.none
        var firstChild: NodeID = HTMLDOM.none
        var lastChild: NodeID = HTMLDOM.none
        var previous: NodeID = HTMLDOM.none
        var next: NodeID = HTMLDOM.none
        /// The article finder's content score, once the node is a candidate.
        var score: Double?
        /// Whether the article finder judged this table to hold data rather than layout.
        var isDataTable = false
    }

    private(set) var nodes: [Node]
    /// The document node: the parent of `<html>`.
    let document: NodeID = 0

    /// An empty document.
    init() {
        nodes = [Node(name: "#document", isText: false, text: "", attributes: [])]
    }

    /// A copy of a libxml2 HTML tree: elements and text. Comments, scripts (except JSON-LD
    /// data) and style sheets are left out, as the article finder would remove them first thing.
    init(_ xml: XMLDocument, expectedSize: Int = 0) {
        self.init()
        guard let root = xml.root else { return }
        nodes.reserveCapacity(max(1024, expectedSize / 24))
        let html = createElement(root.name, attributes: Self.attributes(of: root))
        appendChild(html, to: document)
        copyChildren(of: root, into: html)
    }

    private static func attributes(of node: XMLNode) -> [HTMLAttribute] {
        var result: [HTMLAttribute] = []
        node.forEachAttribute { name, value in result.append(HTMLAttribute(name: name, value: value)) }
        return result
    }

    private mutating func copyChildren(of xml: XMLNode, into parent: NodeID) {
        // Recursion follows the tree's depth, which libxml2 itself bounds (256 levels); libxml2
        // also gives HTML element and attribute names in lower case already.
        var current = xml.firstChild
        while let node = current {
            current = node.nextSibling
            switch node.kind {
            case .element:
                if node.isElement(named: "style") { continue }
                let attributes = Self.attributes(of: node)
                if node.isElement(named: "script"),
                    !attributes.contains(where: { $0.name == "type" && $0.value.trimmingJSWhitespace.lowercased() == "application/ld+json" })
                {
                    continue
                }
                let element = createElement(node.name, attributes: attributes)
                appendChild(element, to: parent)
                copyChildren(of: node, into: element)
            case .text:
                let text = node.withTextBytes { String(decoding: $0, as: UTF8.self) }
                if !text.isEmpty {
                    let last = nodes[parent].lastChild
                    if last != Self.none, nodes[last].isText {
                        nodes[last].text += text
                    } else {
                        appendChild(createText(text), to: parent)
                    }
                }
            case .comment, .other:
                break
            }
        }
    }

    // MARK: Reading

    subscript(_ id: NodeID) -> Node { nodes[id] }

    func name(_ id: NodeID) -> String { nodes[id].name }
    func isElement(_ id: NodeID) -> Bool { id > 0 && !nodes[id].isText }
    func parent(_ id: NodeID) -> NodeID { nodes[id].parent }

    /// The `<html>` element.
    var documentElement: NodeID { firstElementChild(document) }

    /// The first `<body>` element.
    var body: NodeID {
        let html = documentElement
        guard html != Self.none else { return Self.none }
        var child = firstElementChild(html)
        while child != Self.none {
            if nodes[child].name == "body" { return child }
            child = nextElementSibling(child)
        }
        return Self.none
    }

    func attribute(_ id: NodeID, _ name: String) -> String? {
        for attribute in nodes[id].attributes where attribute.name == name { return attribute.value }
        return nil
    }

    func hasAttribute(_ id: NodeID, _ name: String) -> Bool { attribute(id, name) != nil }

    /// The `class` attribute, or empty.
    func className(_ id: NodeID) -> String { attribute(id, "class") ?? "" }

    /// The `id` attribute, or empty.
    func idAttribute(_ id: NodeID) -> String { attribute(id, "id") ?? "" }

    func firstElementChild(_ id: NodeID) -> NodeID {
        var child = nodes[id].firstChild
        while child != Self.none, nodes[child].isText { child = nodes[child].next }
        return child
    }


    func nextElementSibling(_ id: NodeID) -> NodeID {
        var next = nodes[id].next
        while next != Self.none, nodes[next].isText { next = nodes[next].next }
        return next
    }

    func previousElementSibling(_ id: NodeID) -> NodeID {
        var previous = nodes[id].previous
        while previous != Self.none, nodes[previous].isText { previous = nodes[previous].previous }
        return previous
    }

    /// All child nodes, in order.
    func childNodes(_ id: NodeID) -> [NodeID] {
        var result: [NodeID] = []
        var child = nodes[id].firstChild
        while child != Self.none {
            result.append(child)
            child = nodes[child].next
        }
        return result
    }

    /// The child elements, in order.
    func elementChildren(_ id: NodeID) -> [NodeID] {
        var result: [NodeID] = []
        var child = nodes[id].firstChild
        while child != Self.none {
            if !nodes[child].isText { result.append(child) }
            child = nodes[child].next
        }
        return result
    }

    func elementChildCount(_ id: NodeID) -> Int {
        var count = 0
        var child = nodes[id].firstChild
        while child != Self.none {
            if !nodes[child].isText { count += 1 }
            child = nodes[child].next
        }
        return count
    }

    /// Calls `body` for every node below `id`, in document order. `body` must not change the tree.
    func forEachDescendant(of id: NodeID, _ body: (NodeID) -> Void) {
        _ = firstDescendant(of: id) { node in
            body(node)
            return false
        }
    }

    /// The first node below `id`, in document order, for which `matches` is true; the walk
    /// stops there. `matches` must not change the tree.
    func firstDescendant(of id: NodeID, where matches: (NodeID) -> Bool) -> NodeID? {
        var current = nodes[id].firstChild
        while current != Self.none {
            if matches(current) { return current }
            if nodes[current].firstChild != Self.none {
                current = nodes[current].firstChild
                continue
            }
            while current != id, nodes[current].next == Self.none { current = nodes[current].parent }
            if current == id || current == Self.none { break }
            current = nodes[current].next
        }
        return nil
    }

    /// The elements below `id` named any of `names`, in document order (`getElementsByTagName`).
    func descendants(of id: NodeID, named names: String...) -> [NodeID] {
        var result: [NodeID] = []
        forEachDescendant(of: id) { node in
            if !nodes[node].isText, names.contains(nodes[node].name) { result.append(node) }
        }
        return result
    }

    /// How many elements below `id` are named `name`.
    func countDescendants(of id: NodeID, named name: String) -> Int {
        var count = 0
        forEachDescendant(of: id) { node in
            if !nodes[node].isText, nodes[node].name == name { count += 1 }
        }
        return count
    }

    /// True when an element below `id` is named any of `names`.
    func hasDescendant(of id: NodeID, named names: String...) -> Bool {
        firstDescendant(of: id) { !nodes[$0].isText && names.contains(nodes[$0].name) } != nil
    }

    /// The ancestors of `id`, nearest first, at most `maxDepth` of them (0: all), not counting
    /// the document node.
    func ancestors(of id: NodeID, maxDepth: Int = 0) -> [NodeID] {
        var result: [NodeID] = []
        var node = nodes[id].parent
        while node != Self.none, node != document {
            result.append(node)
            if maxDepth > 0, result.count == maxDepth { break }
            node = nodes[node].parent
        }
        return result
    }

    /// The next element in depth-first order: the first child, else the next sibling, else the
    /// next sibling of the nearest ancestor that has one. With `skippingChildren`, the node's own
    /// subtree is skipped.
    func nextNode(_ id: NodeID, skippingChildren: Bool = false) -> NodeID {
        if !skippingChildren {
            let child = firstElementChild(id)
            if child != Self.none { return child }
        }
        let sibling = nextElementSibling(id)
        if sibling != Self.none { return sibling }
        var node = nodes[id].parent
        while node != Self.none {
            let next = nextElementSibling(node)
            if next != Self.none { return next }
            node = nodes[node].parent
        }
        return Self.none
    }

    // MARK: Changing

    mutating func createElement(_ name: String, attributes: [HTMLAttribute] = []) -> NodeID {
        nodes.append(Node(name: name, isText: false, text: "", attributes: attributes))
        return nodes.count - 1
    }

    mutating func createText(_ text: String) -> NodeID {
        nodes.append(Node(name: "#text", isText: true, text: text, attributes: []))
        return nodes.count - 1
    }

    /// Unlinks `id` from its parent; its own subtree stays intact.
    mutating func detach(_ id: NodeID) {
        let parent = nodes[id].parent
        guard parent != Self.none else { return }
        let previous = nodes[id].previous, next = nodes[id].next
        if previous != Self.none { nodes[previous].next = next } else { nodes[parent].firstChild = next }
        if next != Self.none { nodes[next].previous = previous } else { nodes[parent].lastChild = previous }
        nodes[id].parent = Self.none
        nodes[id].previous = Self.none
        nodes[id].next = Self.none
    }

    /// Moves `child` (from wherever it is) to the end of `parent`'s children.
    mutating func appendChild(_ child: NodeID, to parent: NodeID) {
        detach(child)
        let last = nodes[parent].lastChild
        nodes[child].parent = parent
        nodes[child].previous = last
        if last != Self.none { nodes[last].next = child } else { nodes[parent].firstChild = child }
        nodes[parent].lastChild = child
    }

    /// Moves `child` (from wherever it is) to just before `reference`.
    mutating func insert(_ child: NodeID, before reference: NodeID) {
        let parent = nodes[reference].parent
        guard parent != Self.none, child != reference else { return }
        detach(child)
        let previous = nodes[reference].previous
        nodes[child].parent = parent
        nodes[child].previous = previous
        nodes[child].next = reference
        nodes[reference].previous = child
        if previous != Self.none { nodes[previous].next = child } else { nodes[parent].firstChild = child }
    }

    /// Puts `replacement` (moved from wherever it is) where `old` is, and detaches `old`.
    mutating func replace(_ old: NodeID, with replacement: NodeID) {
        guard old != replacement, nodes[old].parent != Self.none else { return }
        insert(replacement, before: old)
        detach(old)
    }

    /// Detaches `id` and returns the next node in depth-first order after its subtree.
    mutating func removeAndGetNext(_ id: NodeID) -> NodeID {
        let next = nextNode(id, skippingChildren: true)
        detach(id)
        return next
    }

    /// Renames an element, keeping its attributes, children and score.
    mutating func rename(_ id: NodeID, to name: String) {
        nodes[id].name = name
    }

    mutating func setAttribute(_ id: NodeID, _ name: String, _ value: String) {
        if let index = nodes[id].attributes.firstIndex(where: { $0.name == name }) {
            nodes[id].attributes[index].value = value
        } else {
            nodes[id].attributes.append(HTMLAttribute(name: name, value: value))
        }
    }

    mutating func removeAttribute(_ id: NodeID, _ name: String) {
        nodes[id].attributes.removeAll { $0.name == name }
    }

    mutating func setScore(_ id: NodeID, _ score: Double?) { nodes[id].score = score }
    mutating func setDataTable(_ id: NodeID, _ value: Bool) { nodes[id].isDataTable = value }
}
