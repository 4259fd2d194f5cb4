import FuzzHarness
import NewsConvKit

/// libFuzzer entry point: the EPUB reader, then every writer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzHarness.run(.epub, start, count)
}

/// Mutations keep the ZIP's checksums right (see ZIPChecksums), so they reach the XML inside.
@_cdecl("LLVMFuzzerCustomMutator")
public func mutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: CUnsignedInt) -> Int {
    FuzzHarness.mutateZIP(data, size, maxSize, seed)
}

/// The program's `main` as SwiftPM links it (see Fuzz/Driver/include/FuzzDriver.h).
@_cdecl("FuzzEPUB_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzHarness.main(.epub, argc, argv)
}
