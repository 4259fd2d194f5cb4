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
        var out = place ?? ""
        if let date, !date.isEmpty { out += out.isEmpty ? date : ", " + date }
        if let agency, !agency.isEmpty { out += out.isEmpty ? "(\(agency))" : " (\(agency))" }
        return out
    }
}
