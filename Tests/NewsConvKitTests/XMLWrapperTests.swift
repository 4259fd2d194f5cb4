import Testing
@testable import NewsConvKit

@Suite("libxml2 wrapper")
struct XMLWrapperTests {
    @Test func parsesElementsAttributesAndText() throws {
        let doc = try XMLDocument.parseXML(Array("<a xmlns='urn:x' b='1'><c>hi <![CDATA[there]]></c><!-- n --></a>".utf8))
        let root = try #require(doc.root)
        #expect(root.name == "a")
        #expect(root.namespaceURI == "urn:x")
        #expect(root.attribute("b") == "1")
        #expect(root.element(named: "c")?.textContent == "hi there")
    }

    @Test func malformedXMLGivesLineAndColumn() throws {
        do {
            _ = try XMLDocument.parseXML(Array("<a>\n<b></a>".utf8))
            Issue.record("expected an error")
        } catch let error as NewsConvError {
            #expect(error.kind == .badInput)
            #expect(error.line == 2)
            #expect(error.column != nil)
        }
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <a>&x;</a>
            """
        let doc = try? XMLDocument.parseXML(Array(xxe.utf8))
        #expect(doc?.root?.textContent.contains("root:") != true)
    }

    @Test func billionLaughsIsNotExpanded() throws {
        var dtd = "<!ENTITY l0 \"lol\">"
        for i in 1...10 { dtd += "<!ENTITY l\(i) \"" + String(repeating: "&l\(i - 1);", count: 10) + "\">" }
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE a [\(dtd)]><a>&l10;</a>"
        let doc = try? XMLDocument.parseXML(Array(xml.utf8))
        #expect((doc?.root?.textContent.utf8.count ?? 0) < 1000)
    }
}
