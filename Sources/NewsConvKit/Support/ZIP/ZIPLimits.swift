/// Hard caps on what reading a ZIP archive may cost, so a hostile archive (a "zip bomb") fails
/// fast with a clear error instead of filling memory.
///
/// The caps are checked against the sizes the archive declares before anything is inflated, and
/// an entry is never inflated past its declared size, so an archive that lies about its sizes is
/// caught after at most its declared size plus one byte.
struct ZIPLimits: Sendable, Equatable {
    /// Most entries an archive may have.
    var maxEntries: Int
    /// Most bytes all entries together may inflate to.
    var maxTotalSize: Int
    /// Highest ratio of inflated to compressed size for an entry larger than ``ratioThreshold``.
    var maxCompressionRatio: Int
    /// Entries up to this inflated size are not held to ``maxCompressionRatio``: small files of
    /// repetitive markup compress well without being bombs.
    var ratioThreshold: Int

    /// Caps that suit e-books: 10,000 entries, 512 MiB in all, at most 100:1 above 1 MiB.
    static let standard = ZIPLimits(maxEntries: 10_000, maxTotalSize: 512 << 20, maxCompressionRatio: 100,
                                    ratioThreshold: 1 << 20)
}
