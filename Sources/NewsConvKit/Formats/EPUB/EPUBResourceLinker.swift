/// Decides, for one book being written, what becomes of every image and link a story refers to.
///
/// Images that are local files (read through ``Resources``) or `data:` URLs are packed into the
/// book under `images/`, each source once, with the media type its bytes show. Remote images
/// cannot be packed (EPUB allows remote resources only for audio and video) and missing or
/// unrecognised ones would break the book: those give a warning and the caller falls back to the
/// alt text. Links to the web stay; links to files or anchors outside the book are unlinked.
final class EPUBResourceLinker {
    /// A file packed into the book.
    struct Item: Equatable {
        /// Manifest id (`image-001`).
        var id: String
        /// Path from the package document (`images/image-001.png`).
        var href: String
        /// Media type (`image/png`).
        var mediaType: ImageMediaType
        /// The bytes.
        var data: [UInt8]
    }

    private let resources: any Resources
    private let warn: (String) -> Void
    /// Packed files, in the order they were first referred to.
    private(set) var items: [Item] = []
    private var packed: [String: Int?] = [:]
    private var unlinked: Set<String> = []

    init(resources: any Resources, warn: @escaping (String) -> Void) {
        self.resources = resources
        self.warn = warn
    }

    /// The path of the image `source` as seen from a content document (`../images/image-001.png`),
    /// or nil (with a warning, once per source) when it cannot be part of the book.
    func image(_ source: String, alt: String) -> String? {
        pack(source).map { "../" + items[$0].href }
    }

    /// Packs `source` as an image; the index of its item, or nil with a warning.
    func pack(_ source: String) -> Int? {
        if let known = packed[source] { return known }
        let index = load(source).flatMap { add($0, name: nil, source: source) }
        packed[source] = index
        return index
    }

    /// Packs the bytes of a cover image; nil with a warning when they are not an image.
    func packCover(_ data: [UInt8], source: String) -> Int? {
        add(data, name: "cover", source: source)
    }

    private func add(_ data: [UInt8], name: String?, source: String) -> Int? {
        guard let type = ImageMediaType(sniffing: data) else {
            warn("\(Self.shown(source)) is not a JPEG, PNG, GIF, WebP or SVG image; left out")
            return nil
        }
        let number = items.count + 1
        let stem = name ?? "image-" + (number < 10 ? "00" : number < 100 ? "0" : "") + String(number)
        items.append(Item(id: name == nil ? stem : stem + "-image", href: "images/\(stem).\(type.fileExtension)", mediaType: type, data: data))
        return items.count - 1
    }

    private func load(_ source: String) -> [UInt8]? {
        let scheme = URLReference.scheme(of: source)
        switch scheme {
        case "data":
            guard let url = DataURL(source) else {
                warn("image \(Self.shown(source)) is a malformed data: URL; using its alt text")
                return nil
            }
            return url.data
        case "http", "https":
            warn("remote image \(Self.shown(source)) left out (EPUB allows remote resources only for audio and video); using its alt text")
            return nil
        case "file":
            var path = String(source.dropFirst("file:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            if let slash = path.firstIndex(of: "/") { path = String(path[slash...]) }
            return read(path, source: source)
        case nil:
            if source.hasPrefix("//") {
                warn("remote image \(Self.shown(source)) left out (EPUB allows remote resources only for audio and video); using its alt text")
                return nil
            }
            return read(source, source: source)
        case let other?:
            warn("image \(Self.shown(source)) uses the \(other): scheme, which an EPUB cannot carry; using its alt text")
            return nil
        }
    }

    private func read(_ path: String, source: String) -> [UInt8]? {
        var candidates = [path]
        let trimmed = String(path.prefix { $0 != "?" && $0 != "#" })
        let decoded = String(decoding: DataURL.percentDecoded(Array(trimmed.utf8)[...]), as: UTF8.self)
        for candidate in [trimmed, decoded] where !candidates.contains(candidate) { candidates.append(candidate) }
        for candidate in candidates where !candidate.isEmpty {
            if let bytes = try? resources.contents(of: candidate) { return bytes }
        }
        warn("image \(Self.shown(source)) not found; using its alt text")
        return nil
    }

    /// True when a link to `destination` can stay in the book: a web address or another URL
    /// scheme a reader can open. Relative links and anchors point at files that are not in the
    /// book, so they are unlinked (with a warning, once per destination).
    func keepsLink(_ destination: String) -> Bool {
        if let scheme = URLReference.scheme(of: destination), !["javascript", "vbscript", "data", "file"].contains(scheme) {
            return true
        }
        if unlinked.insert(destination).inserted {
            warn("link to \(Self.shown(destination)) removed: it points outside the book")
        }
        return false
    }

    /// A source for messages: quoted, and shortened when it is a long `data:` URL.
    static func shown(_ source: String) -> String {
        source.utf8.count > 80 ? "\"\(source.prefix(60))…\"" : "\"\(source)\""
    }
}
