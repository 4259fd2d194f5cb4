/// Paths inside an EPUB container: hrefs resolved against the file that holds them, never
/// leaving the container.
enum EPUBPath {
    /// The folder part of `path` (`EPUB/text/` for `EPUB/text/a.xhtml`; empty at the top).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// The container path that `href` (as written in a file in `directory`) names: fragment and
    /// query removed, percent-escapes decoded, `.` and `..` applied. Nil when it climbs out of
    /// the container, is absolute, or is a URL with a scheme.
    static func resolve(_ href: String, in directory: String) -> String? {
        let bare = String(href.prefix { $0 != "#" && $0 != "?" })
        guard !bare.isEmpty, !bare.hasPrefix("/"), URLReference.scheme(of: bare) == nil else { return nil }
        let decoded = String(decoding: DataURL.percentDecoded(Array(bare.utf8)[...]), as: UTF8.self)
        var parts: [Substring] = []
        for part in (directory + decoded).split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}
