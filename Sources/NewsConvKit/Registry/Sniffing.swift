/// Small helpers for format sniffers: they look at the first bytes of an input.
public enum Sniffing {
    /// The bytes after any UTF-8 byte-order mark and leading ASCII whitespace.
    public static func trimmedStart(_ prefix: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = prefix
        if s.starts(with: [0xEF, 0xBB, 0xBF]) { s = s.dropFirst(3) }
        return s.drop { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
    }

    /// True when `needle` (ASCII, lower case) occurs in `haystack`, ignoring ASCII case.
    public static func containsCaseInsensitive(_ haystack: ArraySlice<UInt8>, _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard !n.isEmpty, haystack.count >= n.count else { return false }
        let h = Array(haystack)
        var i = 0
        while i + n.count <= h.count {
            var j = 0
            while j < n.count {
                var c = h[i + j]
                if c >= 65 && c <= 90 { c += 32 }
                if c != n[j] { break }
                j += 1
            }
            if j == n.count { return true }
            i += 1
        }
        return false
    }

    /// True when the bytes look like text: no NUL bytes.
    public static func looksLikeText(_ prefix: ArraySlice<UInt8>) -> Bool {
        !prefix.contains(0)
    }
}
