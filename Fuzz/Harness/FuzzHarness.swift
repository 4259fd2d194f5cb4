import FuzzDriver
import NewsConvKit

/// What every fuzz target does with one input: read it as `format`, then write the result in
/// every built-in format that has a writer.
///
/// A `NewsConvError` from the reader or a writer is a fine answer to hostile input. Anything
/// else is a finding and stops the fuzzer: a crash, a sanitizer report, a leak, a hang (the
/// `-timeout`), or an error of another type escaping a reader or writer (the contract says
/// readers and writers throw only `NewsConvError`).
public enum FuzzHarness {
    /// Runs one input; returns 0 as libFuzzer expects. A format whose reader has not landed yet
    /// returns at once.
    public static func run(_ format: Format, _ start: UnsafeRawPointer, _ count: Int,
                           checkJSONRoundTrip: Bool = false) -> CInt {
        guard let reader = format.reader else { return 0 }
        let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
        let document: Document
        do {
            document = try reader.read(bytes, context: ReadContext(sourceName: "fuzz"))
        } catch is NewsConvError {
            return 0
        } catch {
            fatalError("\(format.name) reader threw \(type(of: error)), not NewsConvError: \(error)")
        }
        for target in FormatRegistry.builtIn.formats {
            guard let writer = target.writer else { continue }
            do {
                _ = try writer.write(document, context: WriteContext(destinationName: "fuzz"))
            } catch is NewsConvError {
                continue
            } catch {
                fatalError("\(target.name) writer threw \(type(of: error)), not NewsConvError, on what \(format.name) read: \(error)")
            }
        }
        if checkJSONRoundTrip { roundTrip(document) }
        return 0
    }

    /// A custom mutator for ZIP inputs: libFuzzer's mutation, then (seven times in eight) the
    /// stored entries' checksums made right again, so mutations reach the files inside.
    public static func mutateZIP(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: CUnsignedInt) -> Int {
        let newSize = LLVMFuzzerMutate(data, size, maxSize)
        if seed % 8 != 0 { ZIPChecksums.repair(UnsafeMutableRawBufferPointer(start: data, count: newSize)) }
        return newSize
    }

    /// The program's `main`: runs libFuzzer, or exits with 77 (skipped) and a note when
    /// `format` cannot be read yet, so `Fuzz/run.sh` does not spend its time on a no-op.
    public static func main(_ format: Format, _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
        guard format.reader != nil else {
            print("the \(format.name) reader has not landed yet; nothing to fuzz")
            return 77
        }
        return newsconv_fuzz_driver_main(argc, argv)
    }

    /// The JSON format promises an exact round trip: what it writes, it reads back unchanged.
    static func roundTrip(_ document: Document) {
        guard let writer = Format.json.writer, let reader = Format.json.reader else { return }
        do {
            let json = try writer.write(document, context: WriteContext(destinationName: "fuzz"))
            let again = try reader.read(json, context: ReadContext(sourceName: "fuzz"))
            if again != document {
                fatalError("JSON round trip changed the document:\n\(String(decoding: json, as: UTF8.self))")
            }
        } catch {
            fatalError("JSON round trip failed: \(error)")
        }
    }
}
