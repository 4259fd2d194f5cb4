import Foundation

/// The conventions of agency wire copy that the plain-text reader recognises and the writer
/// reproduces: headline prefixes, bylines, datelines, subheads, photo captions and trailers.
enum WireText {
    /// Words that open a headline prefix such as `UPDATE 2-` or `RPT-UPDATE 1-`.
    static let headlinePrefixWords: Set<String> = [
        "UPDATE", "REFILE", "CORRECTED", "CORRECTION", "WRAPUP", "RPT", "EXCLUSIVE", "ANALYSIS", "FACTBOX",
        "INSIGHT", "BREAKINGVIEWS", "URGENT", "FLASH", "BULLETIN", "ADVISORY", "PIX", "TV", "GRAPHIC", "LEAD",
        "NEWSALERT", "EILMELDUNG", "ZUSAMMENFASSUNG", "KORREKTUR",
    ]

    /// Splits `UPDATE 2-Port strike halts` into (`UPDATE 2`, `Port strike halts`).
    static func splitHeadlinePrefix(_ line: String) -> (prefix: String?, headline: String) {
        var rest = Substring(line)
        var parts: [Substring] = []
        while let dash = rest.firstIndex(of: "-") {
            let candidate = rest[..<dash]
            let words = candidate.split(separator: " ")
            guard let first = words.first, headlinePrefixWords.contains(String(first)), words.count <= 2,
                  words.count == 1 || words[1].allSatisfy(\.isNumber)
            else { break }
            parts.append(candidate)
            rest = rest[rest.index(after: dash)...]
        }
        guard !parts.isEmpty, rest.contains(where: { $0 != " " }) else { return (nil, line) }
        return (parts.joined(separator: "-"), String(rest).trimmingWhitespace)
    }

    /// The version a prefix implies: `UPDATE 2` is the third version of a story.
    static func version(fromPrefix prefix: String) -> Int? {
        for part in prefix.split(separator: "-") {
            let words = part.split(separator: " ")
            if words.count == 2, words[0] == "UPDATE", let n = Int(words[1]) { return n + 1 }
        }
        return nil
    }

    private static let bylineTitles = ["writer", "correspondent", "reporter", "editor", "staff", "press", "columnist",
                                       "photographer", "contributor", "bureau", "chief", "news"]

    /// Parses a byline unit: `By Anneke Visser`, `By JANE DOE, AP Business Writer`,
    /// `By Jane Doe and John Roe`, `Jane Doe, AP Business Writer`, or `By Jane Doe` + `Associated Press`.
    static func bylines(_ lines: [String]) -> [Byline]? {
        guard let first = lines.first, lines.count <= 3, first.utf8.count <= 400 else { return nil }
        var text = first
        let hasBy = text.hasPrefix("By ") || text.hasPrefix("BY ") || text.hasPrefix("by ")
        if hasBy { text = String(text.dropFirst(3)).trimmingWhitespace }
        guard !text.isEmpty, text.count <= 120, !text.hasSuffix(".") || text.hasSuffix("Jr.") || text.hasSuffix("Sr.") else { return nil }
        var role: String?
        if let comma = text.firstIndex(of: ",") {
            let after = String(text[text.index(after: comma)...]).trimmingWhitespace
            let lowered = after.lowercased()
            if hasBy || bylineTitles.contains(where: { lowered.contains($0) }) {
                role = after.isEmpty ? nil : after
                text = String(text[..<comma]).trimmingWhitespace
            } else {
                return nil
            }
        } else if !hasBy {
            return nil
        }
        if lines.count >= 2 {
            // `By Jane Doe` / `Associated Press` on the next line.
            let extra = lines.dropFirst().joined(separator: ", ")
            guard extra.count <= 80, !extra.hasSuffix(".") else { return nil }
            role = role.map { $0 + ", " + extra } ?? extra
        }
        let names = text.components(separatedBy: " and ").flatMap { $0.components(separatedBy: " & ") }
            .map(\.trimmingWhitespace).filter { !$0.isEmpty }
        guard !names.isEmpty, names.allSatisfy({ looksLikeName($0) }) else { return nil }
        return names.enumerated().map { i, name in Byline(name: name, role: i == names.count - 1 ? role : nil) }
    }

    private static let nameParticles: Set<String> = ["de", "da", "van", "von", "der", "den", "al", "el", "bin", "la", "le", "du", "di", "y"]

    private static func looksLikeName(_ s: String) -> Bool {
        let words = s.split(separator: " ")
        guard (1...6).contains(words.count) else { return false }
        return words.allSatisfy { w in
            guard let c = w.first else { return false }
            return c.isUppercase || nameParticles.contains(String(w))
        }
    }

    /// The separators that end a dateline: ` - `, ` -- `, ` — `, ` – `.
    private static let dashes = [" -- ", " - ", " — ", " – ", " —", " –"]

    /// Splits a dateline from the start of a paragraph: `ROTTERDAM, Nov 24 (Reuters) - Dock workers…`
    /// gives the dateline and `Dock workers…`. Returns nil when the paragraph does not open with one.
    static func splitDateline(_ paragraph: String) -> (Dateline, String)? {
        let head = paragraph.prefix(160)
        var best: (Range<String.Index>)?
        for dash in dashes {
            if let r = head.range(of: dash), best == nil || r.lowerBound < best!.lowerBound { best = r }
        }
        // A dateline alone on its line: `BAGHDAD (AP) -`.
        if best == nil, paragraph.utf8.count <= 480, paragraph.count <= 120 {
            for dash in [" -", " —", " –", " --"] where paragraph.hasSuffix(dash) {
                best = paragraph.index(paragraph.endIndex, offsetBy: -dash.count)..<paragraph.endIndex
                break
            }
        }
        guard let range = best else { return nil }
        let before = String(paragraph[..<range.lowerBound]).trimmingWhitespace
        guard !before.isEmpty, before.count <= 100, !hasSentenceBreak(before) else { return nil }
        let dateline = Dateline(parsing: before)
        guard isPlausible(dateline, source: before) else { return nil }
        let rest = String(paragraph[range.upperBound...]).trimmingWhitespace
        return (dateline, rest)
    }

    /// AP's abbreviations of US state names in datelines (`BEND, Ore. (AP)`); the states AP
    /// spells out (Alaska, Hawaii, Idaho, Maine, Ohio, Texas, Utah) need no entry.
    private static let stateAbbreviations: Set<String> = [
        "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "D.C.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.", "Ky.",
        "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.",
        "N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.",
    ]

    /// Abbreviations that open a place name: `ST. LOUIS`, `Ft. Worth`, `Mt. Vernon`.
    private static let placeAbbreviations: Set<String> = ["St.", "ST.", "Ste.", "STE.", "Ft.", "FT.", "Mt.", "MT."]

    /// True when the text before a dash reads as a sentence (`Mr. Smith said`, `The U.S. economy`)
    /// rather than a dateline. A `. ` is allowed only where a dateline abbreviates: a state
    /// before the agency (`BEND, Ore. (LP)`), a month in the date (`Nov. 24`), or `St.`, `Ft.`
    /// or `Mt.` in a place written in capitalised words (`ST. LOUIS (AP)`).
    private static func hasSentenceBreak(_ before: String) -> Bool {
        guard before.contains(". ") else { return false }
        var place = Substring(before)
        if place.hasSuffix(")"), let open = place.lastIndex(of: "(") {
            if place[open...].contains(". ") { return true }
            place = place[..<open]
        }
        let parts = place.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace }
        guard let city = parts.first, !city.isEmpty, city.split(separator: " ").allSatisfy({ word in
            word.first?.isUppercase == true && (!word.contains(".") || placeAbbreviations.contains(String(word)))
        }) else { return true }
        for part in parts.dropFirst() where part.contains(". ") && !Dateline.looksLikeDate(part) { return true }
        // The `. ` between the place and the agency: only after a state.
        if let last = parts.last, last.hasSuffix(".") { return !stateAbbreviations.contains(last) }
        return false
    }

    private static func isPlausible(_ d: Dateline, source: String) -> Bool {
        if let agency = d.agency {
            // `(AP)`, `(Reuters)`, `(AFP)`, `(dpa)`, `(UPI)`: short, no sentence inside.
            guard agency.count <= 30, !agency.contains(","), agency.split(separator: " ").count <= 3 else { return false }
            guard let place = d.place else { return d.date != nil }
            return place.first?.isUppercase == true && place.split(separator: " ").count <= 6
        }
        // No agency: `CITY, State —` with the city in capitals.
        guard let place = d.place else { return false }
        let firstPart = place.split(separator: ",").first.map(String.init) ?? place
        let letters = firstPart.filter(\.isLetter)
        return !letters.isEmpty && letters.allSatisfy(\.isUppercase) && letters.count >= 3
            && place.split(separator: " ").count <= 6
    }

    /// `- 'Point of no return' -` (AFP subhead) gives `'Point of no return'`.
    static func subhead(_ line: String) -> String? {
        guard line.utf8.count <= 480, line.count >= 5, line.count <= 120, line.hasPrefix("- "), line.hasSuffix(" -") else { return nil }
        let inner = String(line.dropFirst(2).dropLast(2)).trimmingWhitespace
        return inner.isEmpty ? nil : inner
    }

    private static let captionPrefixes = ["Photo caption:", "PHOTO CAPTION:", "Caption:", "CAPTION:", "Photo:", "PHOTO:"]
    private static let creditOpeners = ["(Photo by ", "(Photo: ", "(Photo ", "(AP Photo", "(AFP Photo", "(Source: ", "(REUTERS/",
                                        "(Reuters/", "(dpa/", "(Picture: ", "(Image: ", "(Video: ", "(Credit: "]

    /// A photo caption paragraph: `Photo caption: Hikers walk… (Photo by Jean Martin / AFP)`, or a
    /// paragraph ending in a photo credit such as `(AP Photo/Khalid Mohammed)` or `(Source: …)`.
    static func caption(_ paragraph: String) -> Figure? {
        guard paragraph.utf8.count <= 4000 else { return nil }
        var text = paragraph
        var prefixed = false
        for p in captionPrefixes where text.hasPrefix(p) {
            text = String(text.dropFirst(p.count)).trimmingWhitespace
            prefixed = true
            break
        }
        var credit: String?
        if text.hasSuffix(")") {
            for opener in creditOpeners {
                if let r = text.range(of: opener, options: .backwards) {
                    let inside = text[text.index(after: r.lowerBound)..<text.index(before: text.endIndex)]
                    if !inside.contains("(") && !inside.contains(")") && inside.count <= 120 {
                        credit = String(inside).trimmingWhitespace
                        text = String(text[..<r.lowerBound]).trimmingWhitespace
                        break
                    }
                }
            }
        }
        guard prefixed || credit != nil else { return nil }
        return Figure(image: nil, caption: text.isEmpty ? [] : [.text(text)], credit: credit)
    }

    /// A copyright line: `Copyright 2020 Associated Press. All rights reserved.` or `© 2024 AFP`.
    static func copyright(_ paragraph: String) -> (notice: String, holder: String?)? {
        guard paragraph.utf8.count <= 1200 else { return nil }
        let lower = paragraph.lowercased()
        guard paragraph.count <= 300, lower.hasPrefix("copyright") || lower.hasPrefix("©") || lower.hasPrefix("(c) ") else { return nil }
        var rest = paragraph
        for p in ["Copyright", "COPYRIGHT", "copyright", "©", "(c)", "(C)"] where rest.hasPrefix(p) {
            rest = String(rest.dropFirst(p.count)).trimmingWhitespace
        }
        if rest.hasPrefix("©") { rest = String(rest.dropFirst()).trimmingWhitespace }
        // Skip the year (or years: 2019-2020).
        let yearEnd = rest.firstIndex(where: { !($0.isNumber || $0 == "-" || $0 == "–") }) ?? rest.endIndex
        if yearEnd != rest.startIndex { rest = String(rest[yearEnd...]).trimmingWhitespace }
        let holderEnd = rest.range(of: ". ")?.lowerBound ?? (rest.hasSuffix(".") ? rest.index(before: rest.endIndex) : rest.endIndex)
        var holder = String(rest[..<holderEnd]).trimmingWhitespace
        if holder.hasPrefix("by ") { holder = String(holder.dropFirst(3)) }
        return (paragraph, holder.isEmpty ? nil : holder)
    }

    /// Closing credits: `(Reporting by Anneke Visser; Editing by Mark Holloway)`.
    static func contributors(_ paragraph: String) -> [Contributor]? {
        guard paragraph.utf8.count <= 2400, paragraph.hasPrefix("("), paragraph.hasSuffix(")"), paragraph.count <= 600 else { return nil }
        let inner = paragraph.dropFirst().dropLast()
        guard !inner.contains("("), !inner.contains(")") else { return nil }
        var result: [Contributor] = []
        for part in inner.split(separator: ";") {
            let text = String(part).trimmingWhitespace
            guard let by = text.range(of: " by ") else { return nil }
            let role = String(text[..<by.lowerBound]).trimmingWhitespace
            let name = String(text[by.upperBound...]).trimmingWhitespace
            guard !role.isEmpty, !name.isEmpty, role.split(separator: " ").count <= 4 else { return nil }
            result.append(Contributor(role: role, name: name))
        }
        return result.isEmpty ? nil : result
    }

    /// Agency sign-offs and desk codes at the very end: `abc/xyz/lt`, `AP-WF-0101 1200GMT`,
    /// `(END)`, `-30-`, `###`, `dpa ab yz`.
    static func isSignoff(_ line: String) -> Bool {
        guard !line.isEmpty, line.utf8.count <= 240, line.count <= 60, !line.contains(". "), !line.hasSuffix(".") else { return false }
        if ["(END)", "END", "-30-", "###", "(MORE)", "- 0 -", "(ENDS)", "ENDS"].contains(line) { return true }
        let words = line.split(separator: " ")
        guard words.count <= 6 else { return false }
        // Slash-separated lower-case desk codes: abc/xyz/lt
        if words.allSatisfy({ w in w.contains("/") && w.allSatisfy { $0.isLowercase || $0 == "/" || $0.isNumber } }) { return true }
        // AP transmission codes: AP-WF-0101
        if let first = words.first, first.filter({ $0 == "-" }).count >= 2,
           first.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "-" }) { return true }
        // dpa style: `dpa ab yz`
        if words.first == "dpa", words.count >= 2, words.dropFirst().allSatisfy({ $0.count <= 4 && $0.allSatisfy(\.isLowercase) }) { return true }
        return false
    }

    /// A slugline on the first line: `MIDEAST-IRAQ/PROTESTS`, `BC-ML--Iraq-Protests`, or AP's
    /// slug with its version after a comma, `BC-US--Weather-Storm,1st Ld-Writethru`.
    static func isSlugline(_ line: String) -> Bool {
        guard line.utf8.count <= 256, line.count >= 3, line.count <= 64 else { return false }
        var slug = Substring(line)
        if let comma = line.firstIndex(of: ","), line.hasPrefix("BC-") || line[..<comma].contains("--") {
            // The version: `1st Ld-Writethru`, `2nd Add`, `0450`.
            let version = line[line.index(after: comma)...].drop { $0 == " " }
            guard !version.isEmpty, version.split(separator: " ").count <= 4,
                  version.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == " " }) else { return false }
            slug = line[..<comma]
        }
        guard slug.count >= 3, !slug.contains(" "), slug.contains("-") || slug.contains("/") else { return false }
        return slug.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "/" || $0 == "_" }
            && slug.contains(where: \.isUppercase)
    }

    /// A slugline that needs no blank line after it to stand apart from the headline below:
    /// AP's `BC-` slugs, and slugs in capitals with at least two words of letters
    /// (`MIDEAST-IRAQ/PROTESTS`, but not `COVID-19`).
    static func isClearSlugline(_ line: String) -> Bool {
        guard isSlugline(line) else { return false }
        if line.hasPrefix("BC-") { return true }
        let words = line.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "_" })
        return !line.contains(where: \.isLowercase) && words.filter { $0.count >= 2 && $0.allSatisfy(\.isLetter) }.count >= 2
    }

    /// A list item line: `- item`, `* item`, `• item`, `1. item`, `1) item`.
    static func listItem(_ line: String) -> (ordered: Int?, text: String)? {
        for marker in ["- ", "* ", "• "] where line.hasPrefix(marker) {
            let text = String(line.dropFirst(marker.count)).trimmingWhitespace
            return text.isEmpty ? nil : (nil, text)
        }
        let digits = line.prefix(while: \.isNumber)
        guard !digits.isEmpty, digits.count <= 3, let n = Int(digits) else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
        let text = String(rest.dropFirst(2)).trimmingWhitespace
        return text.isEmpty ? nil : (n, text)
    }
}

