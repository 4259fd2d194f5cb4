/// The words in `class` and `id` attributes (and in text) that tell the article finder what a
/// part of a page is: Readability's regular expressions, matched as lower-case substrings.
enum ArticlePatterns {
    /// Parts of pages that are seldom the article: comments, menus, footers, sidebars, ads.
    static let unlikelyCandidates = Needles([
        "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus",
        "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss",
        "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate",
        "pagination", "pager", "popup", "yom-remote",
    ])
    /// Words that keep an unlikely-looking part after all.
    static let maybeCandidates = Needles(["and", "article", "body", "column", "content", "main", "mathjax", "shadow"])
    /// Words that raise a container's score.
    static let positive = Needles([
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text",
        "blog", "story",
    ])
    /// Words that lower a container's score (plus the word `hid` on its own, see ``isNegative(_:)``).
    static let negative = Needles([
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "gdpr", "masthead", "media",
        "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
        "shopping", "tags", "widget",
    ])
    /// Words that mark a byline.
    static let byline = Needles(["byline", "author", "dateline", "writtenby", "p-author"])
    /// ARIA roles of page furniture.
    static let unlikelyRoles: Set<String> = ["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"]
    /// Video hosts whose embeds are kept.
    static let videoHosts = Needles([
        "//www.dailymotion.com", "//dailymotion.com", "//www.youtube.com", "//youtube.com", "//www.youtube-nocookie.com",
        "//youtube-nocookie.com", "//www.player.vimeo.com", "//player.vimeo.com", "//v.qq.com", "//www.v.qq.com",
        "//archive.org", "//www.archive.org", "//upload.wikimedia.org", "//www.upload.wikimedia.org", "//player.twitch.tv",
        "//www.player.twitch.tv",
    ])

    /// The negative pattern, including `hid` as a whole space-separated word.
    static func isNegative(_ text: String) -> Bool {
        if negative.matches(text) { return true }
        let lower = text.lowercased()
        return lower == "hid" || lower.hasPrefix("hid ") || lower.hasSuffix(" hid") || lower.contains(" hid ")
    }

    /// `(\b|_)(share|sharedaddy)(\b|_)`: "share" as a word of a class or id (`share-tools`, `post_share`).
    static func isShareElement(_ text: String) -> Bool {
        let bytes = Array(text.lowercased().utf8)
        func isWord(_ b: UInt8) -> Bool {
            (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 95
        }
        func boundary(after end: Int) -> Bool {
            end == bytes.count || !isWord(bytes[end]) || bytes[end] == 95
        }
        let share = Array("share".utf8), daddy = Array("daddy".utf8)
        var i = 0
        while i + share.count <= bytes.count {
            if bytes[i..<(i + share.count)].elementsEqual(share), i == 0 || !isWord(bytes[i - 1]) || bytes[i - 1] == 95 {
                let end = i + share.count
                if boundary(after: end) { return true }
                if end + daddy.count <= bytes.count, bytes[end..<(end + daddy.count)].elementsEqual(daddy),
                    boundary(after: end + daddy.count)
                { return true }
            }
            i += 1
        }
        return false
    }

    private static let adWords: Set<String> = ["ad", "advertising", "advertisement", "pub", "publicité", "werb", "werbung", "广告", "реклама", "anuncio"]
    private static let loadingWords: Set<String> = ["loading", "正在加载", "загрузка", "chargement", "cargando"]

    /// True for text that is only an advertisement label or a loading indicator.
    static func isAdOrLoadingText(_ text: String) -> Bool {
        let lower = text.lowercased()
        if adWords.contains(lower) { return true }
        var word = lower
        if word.hasSuffix("…") { word.removeLast() } else if word.hasSuffix("...") { word.removeLast(3) }
        return loadingWords.contains(word)
    }
}

/// A set of lower-case ASCII needles searched for in text, ignoring ASCII case.
struct Needles: Sendable {
    private let needles: [[UInt8]]

    init(_ words: [String]) { needles = words.map { Array($0.utf8) } }

    /// True when any needle occurs in `text`.
    func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard !bytes.isEmpty else { return false }
            for needle in needles where needle.count <= bytes.count {
                let first = needle[0]
                var i = 0
                let last = bytes.count - needle.count
                while i <= last {
                    var b = bytes[i]
                    if b >= 65 && b <= 90 { b += 32 }
                    if b == first {
                        var j = 1
                        while j < needle.count {
                            var c = bytes[i + j]
                            if c >= 65 && c <= 90 { c += 32 }
                            if c != needle[j] { break }
                            j += 1
                        }
                        if j == needle.count { return true }
                    }
                    i += 1
                }
            }
            return false
        }
    }
}

extension ArticlePatterns {
    /// What the words of a `class` or `id` say a part of the article is.
    enum FurnitureKind {
        /// Not the story: a newsletter box, an author bio, a list of related stories.
        case furniture
        /// A picture's caption or credit.
        case caption
    }

    /// Whole words of class names and ids (split at anything but letters and digits, and where a
    /// lower-case letter meets a capital: `signupBox` is `signup` and `box`) that name furniture.
    /// The vocabulary of page templates, as other extractors (trafilatura, boilerpipe) know it.
    static let furnitureWords: Set<String> = [
        "newsletter", "newsletters", "signup", "subscribe", "subscription", "cta", "promo", "bio", "bios", "biography",
        "related", "recirc", "recirculation", "trending", "popular", "tags", "toc", "cookie", "cookies", "consent",
        "print", "advert", "advertisement", "ad", "ads",
    ]
    /// schema.org properties (`itemprop`) of an article's metadata, shown on the page beside its
    /// text. (Dates and authors stay for ``HTMLReader/dropBoilerplate(from:metadata:)``, which
    /// knows the page's head by them.)
    static let metadataProperties: Set<String> = ["description", "alternativeHeadline", "publisher", "keywords"]
    /// Words that name a caption.
    static let captionWords: Set<String> = ["caption", "captions", "figcaption"]

    /// First words of a class that state what a part has or shows (`has-caption`, `hasnt-bio`,
    /// `withoutCaption`, `no-ads`) rather than what it is.
    static let stateWords: Set<String> = ["has", "hasnt", "with", "without", "no", "not", "is", "show", "hide", "enable", "disable"]

    /// The kind of part that `className` and `id` name, if they name one. Walks the bytes once
    /// and allocates nothing: the article finder asks this of every element of a page.
    static func furnitureKind(_ className: String, _ id: String) -> FurnitureKind? {
        var kind: FurnitureKind?
        for value in [className, id] where !value.isEmpty {
            var value = value
            let found: FurnitureKind? = value.withUTF8 { bytes in
                var found: FurnitureKind?
                var wordStart = -1, hash = fnvOffset, previousWasLower = false, firstOfToken = true, skipToken = false
                func endWord(at end: Int) -> Bool {
                    defer { wordStart = -1; hash = fnvOffset }
                    guard wordStart >= 0 else { return false }
                    let isFirst = firstOfToken
                    firstOfToken = false
                    guard !skipToken, let entry = role(hash: hash), entry.word.count == end - wordStart,
                          entry.word.indices.allSatisfy({ entry.word[$0] == lowercased(bytes[wordStart + $0]) })
                    else { return false }
                    switch entry.role {
                    case .state: if isFirst { skipToken = true }
                    case .caption: found = .caption
                    case .furniture:
                        found = .furniture
                        return true
                    }
                    return false
                }
                for (i, byte) in bytes.enumerated() {
                    let isUpper = byte >= 65 && byte <= 90, isLower = byte >= 97 && byte <= 122, isDigit = byte >= 48 && byte <= 57
                    if isUpper || isLower || isDigit {
                        if isUpper && previousWasLower, endWord(at: i) { return found }
                        if wordStart < 0 { wordStart = i }
                        hash = (hash ^ UInt64(lowercased(byte))) &* fnvPrime
                    } else {
                        if endWord(at: i) { return found }
                        if byte == 32 || byte == 9 || byte == 10 || byte == 12 || byte == 13 {
                            firstOfToken = true
                            skipToken = false
                        }
                    }
                    previousWasLower = isLower
                }
                _ = endWord(at: bytes.count)
                return found
            }
            if found == .furniture { return found }
            if found == .caption { kind = .caption }
        }
        return kind
    }

    private enum Role { case furniture, caption, state }
    private static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let fnvPrime: UInt64 = 0x100_0000_01b3
    private static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }

    /// The words above, and their FNV-1a hashes (two plain arrays to scan, cheap to set up).
    private static let roleWords: [[UInt8]] = (stateWords.sorted() + captionWords.sorted() + furnitureWords.sorted()).map { Array($0.utf8) }
    private static let roleHashes: [UInt64] = roleWords.map { $0.reduce(fnvOffset) { ($0 ^ UInt64($1)) &* fnvPrime } }

    private static func role(hash: UInt64) -> (word: [UInt8], role: Role)? {
        guard let index = roleHashes.firstIndex(of: hash) else { return nil }
        let word = roleWords[index], text = String(decoding: word, as: UTF8.self)
        return (word, stateWords.contains(text) ? .state : captionWords.contains(text) ? .caption : .furniture)
    }
}
