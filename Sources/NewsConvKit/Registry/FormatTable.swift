/// The `--list-formats` table.
public enum FormatTable {
    /// One line per format: name, read/write ability, extensions, summary.
    public static func render(_ registry: FormatRegistry) -> String {
        var out = "FORMAT    READ WRITE  EXTENSIONS              DESCRIPTION\n"
        for format in registry.formats.sorted(by: { $0.name < $1.name }) {
            let name = format.name.padding(10)
            let read = (format.reader == nil ? "-" : "yes").padding(5)
            let write = (format.writer == nil ? "-" : "yes").padding(7)
            let exts = format.extensions.map { "." + $0 }.joined(separator: " ").padding(24)
            out += "\(name)\(read)\(write)\(exts)\(format.summary)\n"
        }
        return out
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
