/// Reads a Markdown story: CommonMark 0.31.2 with the GitHub Flavored Markdown extensions
/// (tables, strikethrough, extended autolinks, task lists) and YAML front matter for the
/// story's metadata. One Markdown file is one story.
///
/// ```swift
/// let document = try MarkdownReader().read(Array(text.utf8), context: ReadContext())
/// ```
///
/// Input that is not UTF-8 is read as Windows-1252; U+0000 becomes U+FFFD. Block quotes and
/// lists nested more than 100 deep, and inline formatting nested more than 100 deep, are kept
/// as HTML (with a warning) so that the AST stays shallow enough for every writer.
/// The read option `markdown.extensions` set to `commonmark` turns the extensions off.
public struct MarkdownReader: DocumentReader {
    /// The GFM extensions to apply.
    public var extensions: MarkdownExtensions

    /// Creates a reader; by default with every GFM extension.
    public init(extensions: MarkdownExtensions = .gfm) {
        self.extensions = extensions
    }

    public func read(_ input: [UInt8], context: ReadContext) throws -> Document {
        var extensions = self.extensions
        if let setting = context.options.settings["markdown.extensions"] {
            extensions = setting.lowercased() == "commonmark" || setting.lowercased() == "none" ? .commonMark : .gfm
        }
        // Positions inside the parser are 32-bit.
        guard input.count < Int(Int32.max) / 2 else {
            throw NewsConvError.badInput("Markdown input of \(input.count / 1_000_000) MB is too large (at most 1 GB)")
        }
        let bytes = Self.normalizedInput(input)
        var metadata = Metadata()
        var bodyStart = 0
        if let front = MarkdownFrontMatter.split(bytes) {
            metadata = try MetadataYAML.metadata(fromYAML: front.yaml, lineOffset: front.linesBefore)
            bodyStart = front.bodyStart
        }
        let (body, truncated) = Self.parse(bytes[bodyStart...], extensions: extensions)
        if truncated {
            context.warn("Markdown nested more than 100 levels deep is kept as HTML")
        }
        return Document(story: Story(metadata: metadata, body: body))
    }

    /// The body blocks of Markdown text without front matter.
    public func blocks(_ markdown: String) -> [Block] {
        Self.parse(Self.normalizedInput(Array(markdown.utf8))[...], extensions: extensions).blocks
    }

    static func parse(_ bytes: ArraySlice<UInt8>, extensions: MarkdownExtensions) -> (blocks: [Block], truncated: Bool) {
        bytes.withUnsafeBufferPointer { buf in
            var parser = MarkdownBlockParser(buf, extensions: extensions)
            parser.parse()
            return parser.blocks()
        }
    }

    /// UTF-8 without a byte-order mark or NUL characters.
    static func normalizedInput(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var (valid, hasNUL) = scan(bytes)
        if input.starts(with: [0xFF, 0xFE]) || input.starts(with: [0xFE, 0xFF]) || !valid {
            bytes = Array(TextDecoding.decode(input).text.utf8)
            hasNUL = bytes.contains(0)
        }
        if hasNUL {
            var replaced: [UInt8] = []
            replaced.reserveCapacity(bytes.count + 16)
            for b in bytes {
                if b == 0 { replaced += [0xEF, 0xBF, 0xBD] } else { replaced.append(b) }
            }
            bytes = replaced
        }
        return bytes
    }

    /// Whether `bytes` are valid UTF-8, and whether they hold a NUL; ASCII is checked eight
    /// bytes at a time.
    static func scan(_ bytes: [UInt8]) -> (valid: Bool, hasNUL: Bool) {
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            let n = p.count
            var hasNUL = false
            guard let base = p.baseAddress else { return (true, false) }
            let raw = UnsafeRawPointer(base)
            while i < n {
                if i + 8 <= n {
                    let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        // A zero byte among eight ASCII bytes.
                        if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { hasNUL = true }
                        i += 8
                        continue
                    }
                }
                let b = p[i]
                if b < 0x80 {
                    if b == 0 { hasNUL = true }
                    i += 1
                    continue
                }
                var length = 0
                var minimum: UInt32 = 0
                var value: UInt32 = 0
                if b & 0xE0 == 0xC0 { length = 2; minimum = 0x80; value = UInt32(b & 0x1F) }
                else if b & 0xF0 == 0xE0 { length = 3; minimum = 0x800; value = UInt32(b & 0x0F) }
                else if b & 0xF8 == 0xF0 { length = 4; minimum = 0x10000; value = UInt32(b & 0x07) }
                else { return (false, hasNUL) }
                guard i + length <= n else { return (false, hasNUL) }
                for k in 1..<length {
                    let c = p[i + k]
                    guard c & 0xC0 == 0x80 else { return (false, hasNUL) }
                    value = value << 6 | UInt32(c & 0x3F)
                }
                guard value >= minimum, value <= 0x10FFFF, !(value >= 0xD800 && value < 0xE000) else { return (false, hasNUL) }
                i += length
            }
            return (true, hasNUL)
        }
    }
}
