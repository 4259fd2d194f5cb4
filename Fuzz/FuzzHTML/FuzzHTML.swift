import FuzzHarness
import NewsConvKit

/// libFuzzer entry point: the HTML reader, then every writer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzHarness.run(.html, start, count)
}

/// The program's `main` as SwiftPM links it (see Fuzz/Driver/include/FuzzDriver.h).
@_cdecl("FuzzHTML_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzHarness.main(.html, argc, argv)
}
