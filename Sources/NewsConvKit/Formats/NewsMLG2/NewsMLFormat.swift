extension Format {
    /// IPTC NewsML-G2 2.35 news items and news messages.
    public static let newsML = Format(
        name: "newsml",
        aliases: ["newsml-g2", "newsmlg2", "g2"],
        extensions: ["xml", "newsml", "nml"],
        mediaType: "application/vnd.iptc.g2.newsitem+xml",
        summary: "IPTC NewsML-G2 2.35 newsItem / newsMessage, XHTML or NITF body",
        reader: NewsMLReader(),
        writer: NewsMLWriter(),
        sniff: { prefix in
            let s = Sniffing.trimmedStart(prefix)
            guard s.first == UInt8(ascii: "<") else { return false }
            return Sniffing.containsCaseInsensitive(s, "<newsitem")
                || Sniffing.containsCaseInsensitive(s, "<newsmessage")
                || Sniffing.containsCaseInsensitive(s, "<packageitem")
                || Sniffing.containsCaseInsensitive(s, "iptc.org/std/nar/")
        }
    )
}
