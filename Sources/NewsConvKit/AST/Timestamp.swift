/// A point in time as news formats write it: ISO 8601 text such as `2020-01-01`,
/// `2020-01-01T09:30:00Z` or `2020-01-01T09:30:00+01:00`.
///
/// The text is kept as given, so nothing is lost between formats that carry dates with different
/// precision; ``isISO8601`` tells whether it has the ISO 8601 shape that schema-bound formats need.
public struct Timestamp: Sendable, Equatable, Hashable, Codable, RawRepresentable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The timestamp text.
    public var rawValue: String

    /// Wraps timestamp text.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Wraps timestamp text.
    public init(_ text: String) { self.rawValue = text }
    /// Wraps timestamp text.
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    public var description: String { rawValue }

    /// Creates the UTC timestamp `YYYY-MM-DDThh:mm:ssZ` for seconds since 1970.
    public init(secondsSince1970 seconds: Int64) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secs = seconds - days * 86_400
        // Civil-from-days (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var y = String(year)
        while y.count < 4 { y = "0" + y }
        rawValue = "\(y)-\(two(month))-\(two(day))T\(two(secs / 3600)):\(two(secs % 3600 / 60)):\(two(secs % 60))Z"
    }

    /// The date part, `YYYY-MM-DD`, when the text starts with one.
    public var datePart: String? {
        let bytes = Array(rawValue.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || ($0.element >= 48 && $0.element <= 57) })
        else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when the text is an ISO 8601 date (`YYYY-MM-DD`) or date-time with seconds and an
    /// optional fraction and zone (`YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm]`).
    public var isISO8601: Bool { hasDateTimeShape || (datePart != nil && rawValue.utf8.count == 10) }

    /// True when the text is a full ISO 8601 date-time with seconds.
    public var hasDateTimeShape: Bool {
        let b = Array(rawValue.utf8)
        guard datePart != nil, b.count >= 19, b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"),
            b[16] == UInt8(ascii: ":")
        else { return false }
        let digits = [11, 12, 14, 15, 17, 18]
        guard digits.allSatisfy({ b[$0] >= 48 && b[$0] <= 57 }) else { return false }
        var i = 19
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
            if i == start { return false }
        }
        if i == b.count { return true }
        if b[i] == UInt8(ascii: "Z") { return i + 1 == b.count }
        if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let zone = Array(b[(i + 1)...])
            return zone.count == 5 && zone[2] == UInt8(ascii: ":")
                && [0, 1, 3, 4].allSatisfy { zone[$0] >= 48 && zone[$0] <= 57 }
        }
        return false
    }
}
