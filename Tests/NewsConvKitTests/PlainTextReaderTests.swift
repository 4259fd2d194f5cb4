import Foundation
import Testing
@testable import NewsConvKit

@Suite("Plain-text wire reader")
struct PlainTextReaderTests {
    func story(_ text: String) throws -> Story {
        let document = try readDocument(text, as: .plainText)
        #expect(document.stories.count == 1)
        return try #require(document.stories.first)
    }

    @Test func apStyleWithBylineTitleAndCopyright() throws {
        let s = try story("""
            Harbor cranes idle as talks stall

            By JANE DOE, AP Business Writer

            PORTLAND, Maine (AP) — Cranes stood idle on Tuesday.

            Talks resume Friday.

            Copyright 2024 The Associated Press. All rights reserved.
            """)
        #expect(s.metadata.headline == "Harbor cranes idle as talks stall")
        #expect(s.metadata.bylines == [Byline(name: "JANE DOE", role: "AP Business Writer")])
        #expect(s.metadata.dateline == Dateline(place: "PORTLAND, Maine", agency: "AP"))
        #expect(s.metadata.copyrightNotice == "Copyright 2024 The Associated Press. All rights reserved.")
        #expect(s.metadata.copyrightHolder == "The Associated Press")
        #expect(s.body == [.paragraph([.text("Cranes stood idle on Tuesday.")]), .paragraph([.text("Talks resume Friday.")])])
    }

    @Test func reutersStyleIndentedParagraphsAndCredits() throws {
        let s = try story("""
            UPDATE 1-Ferry line halts service

            By Ola Nordmann

            BERGEN, Norway, March 3 (Reuters) - A ferry line halted
            service on Monday after a storm.
                The company said repairs would take
            a week.
                Passengers were offered refunds.

             (Reporting by Ola Nordmann; Editing by
            Kari Hansen)
            """)
        #expect(s.metadata.headline == "Ferry line halts service")
        #expect(s.metadata.extra["headline-prefix"] == "UPDATE 1")
        #expect(s.metadata.version == 2)
        #expect(s.metadata.dateline == Dateline(place: "BERGEN, Norway", date: "March 3", agency: "Reuters"))
        #expect(s.body.count == 3)
        #expect(s.body[1] == .paragraph([.text("The company said repairs would take a week.")]))
        #expect(s.metadata.contributors == [Contributor(role: "Reporting", name: "Ola Nordmann"), Contributor(role: "Editing", name: "Kari Hansen")])
    }

    @Test func afpStyleSubheadCaptionAndDeskCodes() throws {
        let s = try story("""
            Lake freezes early

            Zurich (AFP) - The lake froze on Sunday.

            - Skaters arrive -

            Hundreds came.

            Photo caption: Skaters on the lake. (Photo by Anna Keller / AFP)

            ak/jm/ls
            """)
        #expect(s.metadata.dateline == Dateline(place: "Zurich", agency: "AFP"))
        #expect(s.body[1] == .heading(level: 2, content: [.text("Skaters arrive")]))
        #expect(s.body[3] == .figure(Figure(caption: [.text("Skaters on the lake.")], credit: "Photo by Anna Keller / AFP")))
        #expect(s.metadata.signoff == "ak/jm/ls")
    }

    @Test func dpaStyleAndSeparatorsAndLists() throws {
        let s = try story("""
            Bahn streicht Verbindungen

            Berlin (dpa) - Die Bahn streicht Verbindungen.

            ___

            - erster Punkt
            - zweiter Punkt

            dpa ab yz
            """)
        #expect(s.metadata.dateline == Dateline(place: "Berlin", agency: "dpa"))
        #expect(s.body[1] == .thematicBreak)
        guard case .list(let list) = s.body[2] else { Issue.record("expected a list"); return }
        #expect(list.items.count == 2)
        #expect(s.metadata.signoff == "dpa ab yz")
    }

    @Test(arguments: [
        ("BEND, Ore. (LP) — The city council voted to close the old bridge.", Dateline(place: "BEND, Ore.", agency: "LP")),
        ("SPRINGFIELD, Ill. (AP) — Lawmakers met late into the night.", Dateline(place: "SPRINGFIELD, Ill.", agency: "AP")),
        ("WASHINGTON (AP) — The Senate adjourned early.", Dateline(place: "WASHINGTON", agency: "AP")),
        ("ALBANY, N.Y. (AP) - Snow closed the Thruway.", Dateline(place: "ALBANY, N.Y.", agency: "AP")),
        ("ST. LOUIS (AP) — The river crested on Monday.", Dateline(place: "ST. LOUIS", agency: "AP")),
        ("SALEM, Ore., Nov. 3 (AP) — Ballots were counted twice.", Dateline(place: "SALEM, Ore.", date: "Nov. 3", agency: "AP")),
        ("BEND, Ore. — The city council voted to close the old bridge.", Dateline(place: "BEND, Ore.")),
    ])
    func apDatelineWithAbbreviatedState(_ paragraph: String, _ expected: Dateline) throws {
        let s = try story("Council closes bridge\n\n\(paragraph)\n\nWork starts in May.\n")
        #expect(s.metadata.headline == "Council closes bridge")
        #expect(s.metadata.dateline == expected)
        let dash = try #require(paragraph.range(of: " — ") ?? paragraph.range(of: " - "))
        let opening = String(paragraph[dash.upperBound...])
        #expect(s.body.first == .paragraph([.text(opening)]))
        #expect(s.body.count == 2)
    }

    /// Sentences with abbreviations and a dash are body text, not datelines.
    @Test(arguments: [
        "Mr. Smith said — after a long pause — that the vote would wait.",
        "The U.S. economy grew - slowly - in the third quarter.",
        "Dr. Jones (AP) — who led the study — declined to comment.",
        "In Salem, Ore. the council - which met Monday - voted no.",
        "He moved to Bend, Ore. (LP) — and never looked back.",
        "Prices rose, Nov. figures show - again.",
    ])
    func sentenceWithAbbreviationIsNotADateline(_ paragraph: String) throws {
        let s = try story("Council closes bridge\n\n\(paragraph)\n\nWork starts in May.\n")
        #expect(s.metadata.dateline == nil)
        #expect(s.body.first == .paragraph([.text(paragraph)]))
    }

    @Test func sluglineDirectlyAboveTheHeadline() throws {
        let ap = try story("""
            BC-US--Weather-Storm,1st Ld-Writethru
            Storm closes schools across the valley

            BEND, Ore. (LP) — Schools closed on Friday.
            """)
        #expect(ap.metadata.slugline == "BC-US--Weather-Storm,1st Ld-Writethru")
        #expect(ap.metadata.headline == "Storm closes schools across the valley")
        #expect(ap.metadata.dateline == Dateline(place: "BEND, Ore.", agency: "LP"))
        #expect(ap.body == [.paragraph([.text("Schools closed on Friday.")])])

        let capitals = try story("MIDEAST-IRAQ/PROTESTS\nCrowds gather in the square\n\nBAGHDAD (AP) - Crowds gathered.\n")
        #expect(capitals.metadata.slugline == "MIDEAST-IRAQ/PROTESTS")
        #expect(capitals.metadata.headline == "Crowds gather in the square")

        // With a blank line, as before; the AP form is a slugline there too.
        let spaced = try story("BC-US--Weather-Storm,2nd Ld\n\nStorm closes schools\n\nBEND, Ore. (LP) — Schools closed.\n")
        #expect(spaced.metadata.slugline == "BC-US--Weather-Storm,2nd Ld")
        #expect(spaced.metadata.headline == "Storm closes schools")
    }

    /// A hyphenated word opening a wrapped headline stays in the headline.
    @Test(arguments: ["COVID-19\nCases rise again in the county", "US-UK\ntrade talks resume", "Covid-Era\nRules end"])
    func hyphenatedFirstLineOfAHeadlineIsNotASlugline(_ headline: String) throws {
        let s = try story("\(headline)\n\nLONDON (AP) - Talks resumed.\n")
        #expect(s.metadata.slugline == nil)
        #expect(s.metadata.headline == headline.replacingOccurrences(of: "\n", with: " "))
    }

    @Test func listItemContinuationLinesJoinInLinearTime() throws {
        func readList(continuationLines n: Int) throws -> (Duration, ListBlock?) {
            let line = "b" + String(repeating: " continued", count: 8) + "\n"
            let text = "Head\n\n- a\n" + String(repeating: line, count: n)
            var result: Story?
            let elapsed = try ContinuousClock().measure { result = try story(text) }
            guard case .list(let list)? = result?.body.first else { return (elapsed, nil) }
            return (elapsed, list)
        }
        let (_, small) = try readList(continuationLines: 3)
        #expect(small?.items.first?.blocks == [.paragraph([.text("a" + String(repeating: " b" + String(repeating: " continued", count: 8), count: 3))])])
        // Eight times the lines: linear takes about 8 times as long, quadratic about 64 times.
        let short = try (0..<3).map { _ in try readList(continuationLines: 4_000).0 }.min()!
        let (long, list) = try readList(continuationLines: 32_000)
        #expect(list?.items.count == 1)
        #expect(long < short * 24, "4,000 lines: \(short), 32,000 lines: \(long)")
    }

    @Test func crlfTabsBomAndWindows1252() throws {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array("Headline here\r\n\r\n\tPARIS (AFP) - Caf\u{E9} opens.\r\n".utf8)
        let s = try #require(try readDocument(bytes, as: .plainText).stories.first)
        #expect(s.metadata.headline == "Headline here")
        #expect(s.body == [.paragraph([.text("Café opens.")])])

        let latin: [UInt8] = Array("Headline\n\nPARIS (AFP) - Caf".utf8) + [0xE9, 0x20, 0x93, 0x71, 0x94] + Array(" opens.\n".utf8)
        let t = try #require(try readDocument(latin, as: .plainText).stories.first)
        #expect(t.body == [.paragraph([.text("Café “q” opens.")])])
    }

    @Test func emptyOrBinaryInputIsAClearError() throws {
        #expect(throws: NewsConvError.self) { try readDocument("", as: .plainText) }
        #expect(throws: NewsConvError.self) { try readDocument(" \n\n\t \n", as: .plainText) }
        #expect(throws: NewsConvError.self) { try readDocument([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01], as: .plainText) }
    }

    @Test func bodyWithoutHeadlineOrDateline() throws {
        let s = try story("Just one paragraph of text that runs on, with no headline at all.")
        #expect(s.metadata.headline == nil)
        #expect(s.body.count == 1)
    }

    @Test(.enabled(if: Corpus.isAvailable, Corpus.skipMessage))
    func apCorpusStoryLandsInTheRightFields() throws {
        let document = try readDocument(try Corpus.bytes("stories/ap-baghdad-embassy.txt"), as: .plainText)
        let s = try #require(document.stories.first)
        #expect(s.metadata.headline == "Militiamen withdraw from US Embassy but Iraq tensions linger")
        #expect(s.metadata.dateline?.place == "BAGHDAD")
        #expect(s.metadata.dateline?.agency == "AP")
        #expect(s.metadata.copyrightNotice == "Copyright 2020 Associated Press. All rights reserved.")
        #expect(!s.plainText.contains("Copyright"))
        #expect(s.body.filter { if case .paragraph = $0 { true } else { false } }.count == 11)
    }
}
