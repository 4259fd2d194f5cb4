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
        }
    )
}
