/// The two tables of contents of a book: the EPUB 3 navigation document and the EPUB 2 NCX
/// that older reading systems use.
enum EPUBNavigation {
    /// An entry of the table of contents.
    struct Entry {
        /// Path from the package document (`text/story-001.xhtml`).
        var href: String
        /// The headline.
        var title: String
        /// Shown after the headline in the navigation document.
        var bylines: [Byline]
    }

    /// Landmarks: where the cover, title page and first story are.
    struct Landmarks {
        var cover: String?
        var titlePage: String?
        /// The contents, when the navigation document is part of the reading order.
        var contents: String?
        var bodyMatter: String?
    }

    /// `nav.xhtml`: the contents (headlines with bylines) and the landmarks.
    static func navigationDocument(title: String, language: String, entries: [Entry], landmarks: Landmarks) -> [UInt8] {
        EPUBContentDocuments.page(title: title, language: language, stylesheet: "styles/epub.css", bodyType: "frontmatter") { out in
            out += Array("<nav epub:type=\"toc\" id=\"toc\">\n<h1>Contents</h1>\n<ol>\n".utf8)
            for entry in entries {
                out += Array("<li><a href=\"".utf8)
                Escaping.appendHref(entry.href, to: &out)
                out += Array("\">".utf8)
                Escaping.appendXML(entry.title, to: &out)
                if !entry.bylines.isEmpty {
                    out += Array("<span class=\"toc-byline\"> — ".utf8)
                    Escaping.appendXML(bylineText(entry.bylines), to: &out)
                    out += Array("</span>".utf8)
                }
                out += Array("</a></li>\n".utf8)
            }
            out += Array("</ol>\n</nav>\n<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<h2>Landmarks</h2>\n<ol>\n".utf8)
            func landmark(_ type: String, _ href: String?, _ label: String) {
                guard let href else { return }
                out += Array("<li><a epub:type=\"\(type)\" href=\"".utf8)
                Escaping.appendHref(href, to: &out)
                out += Array("\">\(label)</a></li>\n".utf8)
            }
            landmark("cover", landmarks.cover, "Cover")
            landmark("titlepage", landmarks.titlePage, "Title page")
            landmark("toc", landmarks.contents, "Contents")
            landmark("bodymatter", landmarks.bodyMatter, "Start of content")
            out += Array("</ol>\n</nav>\n".utf8)
        }
    }

    /// `toc.ncx` for EPUB 2 reading systems; `identifier` must equal the package's `dc:identifier`.
    static func ncx(title: String, language: String, identifier: String, points: [(label: String, href: String)]) -> [UInt8] {
        var out: [UInt8] = []
        out += Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" xml:lang=\"".utf8)
        Escaping.appendXML(language, to: &out)
        out += Array("\">\n<head>\n<meta name=\"dtb:uid\" content=\"".utf8)
        Escaping.appendXML(identifier, to: &out)
        out += Array("\" />\n<meta name=\"dtb:depth\" content=\"1\" />\n<meta name=\"dtb:totalPageCount\" content=\"0\" />\n<meta name=\"dtb:maxPageNumber\" content=\"0\" />\n</head>\n<docTitle><text>".utf8)
        Escaping.appendXML(title, to: &out)
        out += Array("</text></docTitle>\n<navMap>\n".utf8)
        for (i, point) in points.enumerated() {
            out += Array("<navPoint id=\"navpoint-\(i + 1)\" playOrder=\"\(i + 1)\"><navLabel><text>".utf8)
            Escaping.appendXML(point.label, to: &out)
            out += Array("</text></navLabel><content src=\"".utf8)
            Escaping.appendHref(point.href, to: &out)
            out += Array("\" /></navPoint>\n".utf8)
        }
        out += Array("</navMap>\n</ncx>\n".utf8)
        return out
    }

    /// "A", "A and B", "A, B and C".
    static func bylineText(_ bylines: [Byline]) -> String {
        let names = bylines.map(\.name)
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }
}
