extension Format {
    /// HTML5 pages and fragments.
    public static let html = Format(
        name: "html",
        aliases: ["html5", "xhtml"],
        extensions: ["html", "htm", "xhtml"],
        mediaType: "text/html",
        summary: "HTML5: themed standalone pages or body fragments; reads real news pages",
        reader: HTMLReader(),
        writer: HTMLWriter(),
        sniff: { prefix in
            let s = Sniffing.trimmedStart(prefix)
            return Sniffing.containsCaseInsensitive(s.prefix(1024), "<!doctype html")
                || Sniffing.containsCaseInsensitive(s.prefix(1024), "<html")
                || Sniffing.containsCaseInsensitive(s.prefix(64), "<body")
                || HTMLReader.opensWithHTMLElement(s)
        }
    )
}

extension HTMLReader {
    /// Elements a fragment of story HTML (a CMS body, `--fragment` output) starts with.
    private static let openingElements: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "main", "header", "figure",
        "ul", "ol", "table", "blockquote", "pre", "img", "span", "a", "em", "strong", "b", "i", "br", "hr",
    ]

    /// True when `bytes` start with the tag of a common HTML element (`<p>`, `<div class=…>`,
    /// `<h2>`): an HTML fragment on standard input.
    static func opensWithHTMLElement(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.first == UInt8(ascii: "<"), let (name, end) = tagName(in: bytes, at: bytes.startIndex),
              end < bytes.endIndex, [UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "/"), 9, 10, 13].contains(bytes[end])
        else { return false }
        return openingElements.contains(name)
    }
}
