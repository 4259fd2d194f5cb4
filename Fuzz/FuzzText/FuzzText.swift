import FuzzHarness
import NewsConvKit

/// libFuzzer entry point: the plain-text wire reader, then every writer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzHarness.run(.plainText, start, count)
}

/// The program's `main` as SwiftPM links it (see Fuzz/Driver/include/FuzzDriver.h).
@_cdecl("FuzzText_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzHarness.main(.plainText, argc, argv)
}
