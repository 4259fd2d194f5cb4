import Foundation

/// Broken and hostile inputs, generated so nothing large is committed.
enum HostileInputs {
    /// A named input.
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var bytes: @Sendable () -> [UInt8]
        var description: String { name }
    }

    /// Deterministic pseudo-random bytes.
    static func garbage(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    static func repeated(_ text: String, _ count: Int, then tail: String = "") -> [UInt8] {
        var out: [UInt8] = []
        let unit = Array(text.utf8)
        out.reserveCapacity(unit.count * count + tail.utf8.count)
        for _ in 0..<count { out += unit }
        out += Array(tail.utf8)
        return out
    }

    /// Inputs every reader must survive: a story or a clear error, never a crash or a hang.
    static let common: [Case] = [
        Case(name: "empty") { [] },
        Case(name: "whitespace only") { Array(" \n\t\r\n   \n".utf8) },
        Case(name: "binary garbage") { garbage(count: 64 * 1024, seed: 42) },
        Case(name: "invalid UTF-8") { Array("Headline\n\nBody ".utf8) + [0xC3, 0x28, 0xFF, 0xFE, 0x80] + Array(" text\n".utf8) },
        Case(name: "lone surrogates") { Array("Headline\n\n".utf8) + [0xED, 0xA0, 0x80, 0xED, 0xBF, 0xBF] + Array("\n".utf8) },
        Case(name: "NUL bytes") { Array("Head\u{0}line\n\nBo\u{0}dy\n".utf8) },
        Case(name: "20 MB single line") { repeated("word ", 4 * 1024 * 1024) },
        Case(name: "100,000 blank lines") { repeated("\n", 100_000, then: "text\n") },
        Case(name: "50,000-deep Markdown quotes") { repeated("> ", 50_000, then: "deep\n") },
        Case(name: "50,000-deep Markdown lists") { repeated("- ", 50_000, then: "deep\n") },
        Case(name: "50,000-deep HTML") { repeated("<div>", 50_000, then: "deep") },
        Case(name: "50,000-deep XML") { Array("<?xml version=\"1.0\"?>".utf8) + repeated("<a>", 50_000, then: "deep") + repeated("</a>", 50_000) },
        Case(name: "XXE") {
            Array("""
                <?xml version="1.0"?>
                <!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentSet><inlineXML><html xmlns="http://www.w3.org/1999/xhtml"><body><p>&xxe;</p></body></html></inlineXML></contentSet></newsItem>
                """.utf8)
        },
        Case(name: "billion laughs") {
            var dtd = "<!ENTITY l0 \"lol\">"
            for i in 1...12 { dtd += "<!ENTITY l\(i) \"" + String(repeating: "&l\(i - 1);", count: 10) + "\">" }
            return Array("<?xml version=\"1.0\"?><!DOCTYPE newsItem [\(dtd)]><newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><contentMeta><headline>&l12;</headline></contentMeta></newsItem>".utf8)
        },
        Case(name: "JSON nesting") { repeated("{\"stories\":[", 20_000) },
        Case(name: "truncated ZIP") { [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00] + Array("mimetypeapplication/epub+zip".utf8) },
    ]
}
