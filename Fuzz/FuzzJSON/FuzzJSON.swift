import FuzzHarness
import NewsConvKit

/// libFuzzer entry point: the JSON reader, then every writer, then the JSON round trip.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzHarness.run(.json, start, count, checkJSONRoundTrip: true)
}

/// The program's `main` as SwiftPM links it (see Fuzz/Driver/include/FuzzDriver.h).
@_cdecl("FuzzJSON_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzHarness.main(.json, argc, argv)
}
