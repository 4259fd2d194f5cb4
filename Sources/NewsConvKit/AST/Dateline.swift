/// The dateline that opens a story's first paragraph: `ROTTERDAM, Nov 24 (Reuters) -`.
public struct Dateline: Sendable, Equatable, Hashable, Codable {
    /// Where the story was filed, as printed (`BAGHDAD`, `Geneva`, `PORTLAND, Maine`).
    public var place: String?
    /// The date as printed in the dateline (`Nov 24`), not normalised.
    public var date: String?
    /// The agency named in the dateline (`AP`, `Reuters`, `AFP`).
    public var agency: String?

    /// Creates a dateline.
    public init(place: String? = nil, date: String? = nil, agency: String? = nil) {
        self.place = place
        self.date = date
        self.agency = agency
    }

    /// The dateline as a wire story prints it, without the closing dash:
    /// `ROTTERDAM, Nov 24 (Reuters)`.
    public var text: String {
        var out = ""
        forEachPart { _, before, value, after in out += before + value + after }
        return out
    }

    /// A printed part of a dateline.
    enum Part { case place, date, agency }

    /// Calls `body` for each part that is there, in printed order, with the punctuation that goes
    /// before and after its value (`, ` before the date, ` (` and `)` around the agency), so
    /// that writers marking the parts up print the same text as ``text``.
    func forEachPart(_ body: (_ part: Part, _ before: String, _ value: String, _ after: String) -> Void) {
        var started = false
        for (part, value, separator) in [(Part.place, place, ""), (.date, date, ", "), (.agency, agency, " ")] {
            guard let value, !value.isEmpty else { continue }
            let before = (started ? separator : "") + (part == .agency ? "(" : "")
            body(part, before, value, part == .agency ? ")" : "")
            started = true
        }
    }
}
