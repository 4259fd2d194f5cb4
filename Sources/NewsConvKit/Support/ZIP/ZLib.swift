internal import CZlibSystem

/// The zlib calls the ZIP container code needs: raw deflate (no zlib header, as ZIP stores it),
/// bounded raw inflate, and CRC-32. The only file that touches zlib.
///
/// Each `z_stream` lives on the heap, because zlib keeps pointers to it, and is ended in `deinit`.
enum ZLib {
    /// The CRC-32 of `bytes`, continuing from `crc` (0 to start).
    static func crc32(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return crc }
        return UInt32(truncatingIfNeeded: crc32_z(UInt(crc), base.assumingMemoryBound(to: UInt8.self), bytes.count))
    }

    /// The CRC-32 of `bytes`.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { crc32($0) }
    }

    /// `input` compressed as a raw deflate stream at `level` (1 fastest … 9 smallest).
    /// The output depends only on the input, the level and the zlib version.
    static func deflate(_ input: [UInt8], level: Int32 = 6) throws -> [UInt8] {
        try Deflater(level: level).compress(input)
    }

    /// How a call to ``Deflater/deflate(_:flush:into:)`` ends its output.
    enum Flush {
        /// Keep going; more input follows.
        case none
        /// Byte-align the output and forget the history, so what follows never refers back.
        case full
        /// End the stream.
        case finish

        var value: Int32 {
            switch self {
            case .none: Z_NO_FLUSH
            case .full: Z_FULL_FLUSH
            case .finish: Z_FINISH
            }
        }
    }

    /// A streaming raw-deflate compressor.
    final class Deflater {
        let stream: UnsafeMutablePointer<z_stream>

        init(level: Int32 = 6) throws {
            stream = .allocate(capacity: 1)
            stream.initialize(to: z_stream())
            let status = deflateInit2_(stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                                       zlibVersion(), Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else {
                stream.deallocate()
                throw NewsConvError(.software, "zlib: cannot start compression (\(status))")
            }
        }

        deinit {
            deflateEnd(stream)
            stream.deallocate()
        }

        /// `input` compressed as one whole raw deflate stream. The compressor is reset afterwards,
        /// so one ``Deflater`` can compress many files without setting zlib up again.
        func compress(_ input: [UInt8]) throws -> [UInt8] {
            defer { deflateReset(stream) }
            // deflateBound is enough room for one call with Z_FINISH to end the stream.
            var out = [UInt8](repeating: 0, count: Int(deflateBound(stream, UInt(input.count))))
            let (status, produced) = input.withUnsafeBytes { source in
                out.withUnsafeMutableBytes { target -> (Int32, Int) in
                    stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress?.assumingMemoryBound(to: Bytef.self))
                    stream.pointee.avail_in = UInt32(source.count)
                    stream.pointee.next_out = target.baseAddress?.assumingMemoryBound(to: Bytef.self)
                    stream.pointee.avail_out = UInt32(target.count)
                    let status = CZlibSystem.deflate(stream, Z_FINISH)
                    return (status, target.count - Int(stream.pointee.avail_out))
                }
            }
            guard status == Z_STREAM_END else { throw NewsConvError(.software, "zlib: compression failed (\(status))") }
            out.removeSubrange(produced...)
            return out
        }

        /// Compresses `input`, appending the output to `out`.
        func deflate(_ input: UnsafeRawBufferPointer, flush: Flush, into out: inout [UInt8]) throws {
            var scratch = [UInt8](repeating: 0, count: 64 * 1024)
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = UInt32(input.count)
            while true {
                let (status, produced) = scratch.withUnsafeMutableBufferPointer { buffer -> (Int32, Int) in
                    stream.pointee.next_out = buffer.baseAddress
                    stream.pointee.avail_out = UInt32(buffer.count)
                    let status = CZlibSystem.deflate(stream, flush.value)
                    return (status, buffer.count - Int(stream.pointee.avail_out))
                }
                out.append(contentsOf: scratch[0..<produced])
                switch status {
                case Z_STREAM_END:
                    return
                case Z_OK, Z_BUF_ERROR:
                    // Done with this call once zlib has taken all input and left room in the buffer.
                    if stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0 && flush != .finish { return }
                    if status == Z_BUF_ERROR && produced == 0 { return }
                default:
                    throw NewsConvError(.software, "zlib: compression failed (\(status))")
                }
            }
        }
    }

    /// Why inflating an entry stopped early.
    enum InflateFailure: Error, Equatable {
        /// The data would inflate to more than the allowed number of bytes.
        case tooLarge
        /// The compressed data ends before the deflate stream does.
        case truncated
        /// The compressed data is not a valid deflate stream (zlib's message).
        case corrupt(String)
    }

    /// Inflates the raw deflate stream `input` into at most `limit` bytes. Never allocates more than
    /// `limit` plus a small constant, whatever the input claims.
    static func inflate(_ input: ArraySlice<UInt8>, limit: Int) throws(InflateFailure) -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        guard inflateInit2_(stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt("zlib: cannot start decompression")
        }
        defer { inflateEnd(stream) }
        // Room for the whole declared output plus one byte, so an entry that is larger than it
        // claims is noticed without inflating the rest of it.
        var out = [UInt8](repeating: 0, count: limit + 1)
        let outcome: Result<Int, InflateFailure> = input.withUnsafeBytes { source in
            out.withUnsafeMutableBytes { target in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress?.assumingMemoryBound(to: Bytef.self))
                stream.pointee.avail_in = UInt32(clamping: source.count)
                stream.pointee.next_out = target.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = UInt32(clamping: target.count)
                while true {
                    let status = CZlibSystem.inflate(stream, Z_NO_FLUSH)
                    let produced = target.count - Int(stream.pointee.avail_out)
                    switch status {
                    case Z_STREAM_END:
                        return produced > limit ? .failure(.tooLarge) : .success(produced)
                    case Z_OK:
                        if produced > limit { return .failure(.tooLarge) }
                        continue
                    case Z_BUF_ERROR:
                        if produced > limit { return .failure(.tooLarge) }
                        return .failure(.truncated)
                    default:
                        let message = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
                        return .failure(.corrupt(message))
                    }
                }
            }
        }
        switch outcome {
        case .success(let count):
            out.removeSubrange(count...)
            return out
        case .failure(let failure):
            throw failure
        }
    }
}
