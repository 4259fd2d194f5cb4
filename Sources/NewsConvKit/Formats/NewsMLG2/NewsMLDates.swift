/// Converts timestamps to the date types of the NewsML-G2 schema.
///
/// ``Timestamp`` keeps dates as their source wrote them. NewsML-G2 needs `xs:dateTime`
/// (`versionCreated`, `firstCreated`, `embargoed`, `sent`) or a truncated date-time
/// (`contentCreated`, `contentModified`, `pubHistory` timestamps: a date-time, a date, `YYYY-MM`
/// or `YYYY`). Close variants are converted: a space for `T`, minutes without seconds, zones
/// written `+0100`, and RFC 2822 dates as RSS feeds give them (`Wed, 01 Jan 2020 09:30:00 GMT`).
/// Anything else gives nil, and the writer keeps the text elsewhere with a warning.
enum NewsMLDates {
    /// The parts of a date as far as they are given.
    struct Parts: Equatable {
        var year: Int
        var month: Int?
        var day: Int?
        var hour: Int?
        var minute: Int?
        var second: Int?
        var fraction: String?
        var zone: String?
    }

    /// `timestamp` as an `xs:dateTime`; a date alone becomes midnight (no zone).
    static func dateTime(_ timestamp: Timestamp) -> String? {
        guard let parts = parse(timestamp.rawValue), parts.day != nil else { return nil }
        var full = parts
        if full.hour == nil { full.hour = 0; full.minute = 0; full.second = 0 }
        return format(full)
    }

    /// `timestamp` as a truncated date-time (date-time, date, year-month or year).
    static func truncatedDateTime(_ timestamp: Timestamp) -> String? {
        parse(timestamp.rawValue).map(format)
    }

    static func format(_ p: Parts) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var year = String(p.year)
        while year.count < 4 { year = "0" + year }
        var out = year
        guard let month = p.month else { return out }
        out += "-" + two(month)
        guard let day = p.day else { return out }
        out += "-" + two(day)
        guard let hour = p.hour, let minute = p.minute else { return out }
        out += "T" + two(hour) + ":" + two(minute) + ":" + two(p.second ?? 0)
        if let fraction = p.fraction { out += "." + fraction }
        if let zone = p.zone { out += zone }
        return out
    }

    /// Parses ISO 8601 (and the close variants above) or RFC 2822; nil for anything else or for
    /// a date that does not exist (month 13, 30 February, hour 24).
    static func parse(_ text: String) -> Parts? {
        let bytes = Array(text.utf8.drop(while: { $0 == 32 }).reversed().drop(while: { $0 == 32 }).reversed())
        guard !bytes.isEmpty else { return nil }
        let parts = parseISO(bytes) ?? parseRFC2822(bytes)
        guard let parts, isValid(parts) else { return nil }
        return parts
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    private static func number(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count, !range.isEmpty,
            bytes[range].allSatisfy(isDigit) else { return nil }
        return bytes[range].reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    private static func parseISO(_ b: [UInt8]) -> Parts? {
        guard let year = number(b, 0..<4) else { return nil }
        var p = Parts(year: year)
        if b.count == 4 { return p }
        guard b.count >= 7, b[4] == UInt8(ascii: "-"), let month = number(b, 5..<7) else { return nil }
        p.month = month
        if b.count == 7 { return p }
        guard b.count >= 10, b[7] == UInt8(ascii: "-"), let day = number(b, 8..<10) else { return nil }
        p.day = day
        if b.count == 10 { return p }
        guard [UInt8(ascii: "T"), UInt8(ascii: "t"), 32].contains(b[10]) else { return nil }
        return parseTime(b, from: 11, into: p)
    }

    /// `hh:mm[:ss[.fff]][zone]` from `start` to the end.
    private static func parseTime(_ b: [UInt8], from start: Int, into parts: Parts) -> Parts? {
        var p = parts
        guard let hour = number(b, start..<(start + 2)), start + 2 < b.count, b[start + 2] == UInt8(ascii: ":"),
            let minute = number(b, (start + 3)..<(start + 5)) else { return nil }
        p.hour = hour
        p.minute = minute
        var i = start + 5
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard let second = number(b, (i + 1)..<(i + 3)) else { return nil }
            p.second = second
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                let from = i + 1
                i = from
                while i < b.count, isDigit(b[i]) { i += 1 }
                guard i > from else { return nil }
                p.fraction = String(decoding: b[from..<i], as: UTF8.self)
            }
        } else {
            p.second = 0
        }
        while i < b.count, b[i] == 32 { i += 1 }
        guard i < b.count else { return p }
        let zone = Array(b[i...])
        guard let normalized = zoneDesignator(zone) else { return nil }
        p.zone = normalized
        return p
    }

    /// `Z`, `+hh:mm`, `+hhmm`, `+hh`, `UTC`, `GMT`, `UT` as `Z` or `±hh:mm`.
    private static func zoneDesignator(_ z: [UInt8]) -> String? {
        let upper = String(decoding: z, as: UTF8.self).uppercased()
        if ["Z", "UTC", "GMT", "UT"].contains(upper) { return "Z" }
        guard let sign = z.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let rest = Array(z.dropFirst())
        let hours: Int?, minutes: Int?
        switch rest.count {
        case 2: hours = number(rest, 0..<2); minutes = 0
        case 4: hours = number(rest, 0..<2); minutes = number(rest, 2..<4)
        case 5 where rest[2] == UInt8(ascii: ":"): hours = number(rest, 0..<2); minutes = number(rest, 3..<5)
        default: return nil
        }
        guard let hours, let minutes, hours <= 14, minutes <= 59 else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return String(UnicodeScalar(sign)) + two(hours) + ":" + two(minutes)
    }

    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `[Wed, ]01 Jan 2020 09:30[:00] GMT|+0000`.
    private static func parseRFC2822(_ b: [UInt8]) -> Parts? {
        var words = String(decoding: b, as: UTF8.self).split(separator: " ").map(String.init)
        if let first = words.first, first.hasSuffix(",") { words.removeFirst() }
        guard words.count >= 3, let day = Int(words[0]),
            let month = monthNames.firstIndex(of: String(words[1].lowercased().prefix(3))),
            words[2].utf8.count == 4, let year = Int(words[2]) else { return nil }
        var p = Parts(year: year, month: month + 1, day: day)
        guard words.count > 3 else { return p }
        let time = Array(words[3].utf8)
        guard let timed = parseTime(time, from: 0, into: p) else { return nil }
        p = timed
        if words.count > 4 {
            guard words.count == 5, p.zone == nil, let zone = zoneDesignator(Array(words[4].utf8)) else { return nil }
            p.zone = zone
        }
        return p
    }

    private static func isValid(_ p: Parts) -> Bool {
        guard p.year >= 1 else { return false }
        if let month = p.month, !(1...12).contains(month) { return false }
        if let month = p.month, let day = p.day {
            let leap = p.year % 4 == 0 && (p.year % 100 != 0 || p.year % 400 == 0)
            let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            if !(1...days).contains(day) { return false }
        }
        if let hour = p.hour, !(0...23).contains(hour) { return false }
        if let minute = p.minute, !(0...59).contains(minute) { return false }
        if let second = p.second, !(0...59).contains(second) { return false }
        return true
    }
}
