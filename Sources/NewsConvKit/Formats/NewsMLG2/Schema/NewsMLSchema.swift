/// The IPTC NewsML-G2 2.35 Power schema, compiled into newsconv so that NewsML-G2 can be
/// validated without the network or any file beside the tool.
///
/// The schema files in this folder (`NewsML-G2_2.35-spec-All-Power.xsd` and the `xml.xsd` it
/// imports, unchanged from IPTC) are turned into `powerXSD` and `xmlNamespaceXSD` at build time
/// by the `EmbedResources` plugin; their licences are in `LICENSE-IPTC.txt`.
enum NewsMLSchema {
    /// The locations under which the NewsML-G2 schema's import of the XML namespace schema may
    /// be asked for: the relative name IPTC uses and the W3C addresses.
    static let xmlNamespaceLocations = [
        "xml.xsd",
        "http://www.w3.org/2001/xml.xsd",
        "https://www.w3.org/2001/xml.xsd",
        "http://www.w3.org/2009/01/xml.xsd",
    ]

    /// The compiled schema, built on first use and shared (libxml2 schemas are read-only once
    /// compiled; each validation has its own context).
    static let validator: Result<XMLSchemaValidator, NewsConvError> = {
        let xmlNamespace = Array(xmlNamespaceXSD.utf8)
        var imports: [String: [UInt8]] = [:]
        for location in xmlNamespaceLocations { imports[location] = xmlNamespace }
        do {
            return .success(try XMLSchemaValidator(
                schemaBytes: Array(powerXSD.utf8), imports: imports, name: "the built-in NewsML-G2 2.35 schema"))
        } catch let error as NewsConvError {
            return .failure(error)
        } catch {
            return .failure(NewsConvError(.software, "cannot compile the built-in NewsML-G2 2.35 schema: \(error)"))
        }
    }()
}
