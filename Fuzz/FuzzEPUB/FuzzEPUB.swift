import FuzzHarness
import NewsConvKit

/// libFuzzer entry point: the EPUB reader, then every writer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzHarness.run(.epub, start, count)
}

/// The program's `main` as SwiftPM links it (see Fuzz/Driver/include/FuzzDriver.h).
@_cdecl("FuzzEPUB_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzHarness.main(.epub, argc, argv)
}
