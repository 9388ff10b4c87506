/// Writing records into a byte array. The CRC is left as zero by `appendFrame` (so the hot path
/// does no checksum work) and filled in by `sealRecords` on the writer's thread.
enum RecordEncoding {
    /// Appends a frame record with a zero CRC.
    /// Three appends (prefix, body, CRC placeholder): this runs on the push path.
    @inline(__always)
    static func appendFrame(
        into out: inout [UInt8], nanoseconds: UInt64, protoID: UInt32, serial: UInt32, isPush: Bool,
        body: UnsafeRawBufferPointer
    ) {
        var prefix: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of stack; 22 are used
        withUnsafeMutableBytes(of: &prefix) { p in
            p.storeBytes(of: UInt32(RecordingFormat.recordFixedLength + body.count).littleEndian, toByteOffset: 0, as: UInt32.self)
            p[4] = RecordingFormat.kindFrame
            p[5] = isPush ? RecordingFormat.flagPush : RecordingFormat.flagResponse
            p.storeBytes(of: protoID.littleEndian, toByteOffset: 6, as: UInt32.self)
            p.storeBytes(of: serial.littleEndian, toByteOffset: 10, as: UInt32.self)
            p.storeBytes(of: nanoseconds.littleEndian, toByteOffset: 14, as: UInt64.self)
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: p[0..<22]))
        }
        out.append(contentsOf: body)
        let zero: UInt32 = 0
        withUnsafeBytes(of: zero) { out.append(contentsOf: $0) }
    }

    /// Appends a gap record with a zero CRC.
    static func appendGap(into out: inout [UInt8], _ gap: RecordedGap) {
        out.appendLE(UInt32(RecordingFormat.recordFixedLength + 16))
        out.append(RecordingFormat.kindGap)
        out.append(0)
        out.appendLE(UInt32(0))
        out.appendLE(UInt32(0))
        out.appendLE(gap.firstNanoseconds)
        out.appendLE(gap.dropped)
        out.appendLE(gap.lastNanoseconds)
        out.appendLE(UInt32(0))
    }

    /// The bytes a frame record of `bodyCount` takes.
    @inline(__always)
    static func frameSize(bodyCount: Int) -> Int { RecordingFormat.recordOverhead + bodyCount }

    /// Fills in the CRC of every whole record in `buffer` (which holds only whole records).
    static func sealRecords(_ buffer: inout [UInt8]) {
        buffer.withUnsafeMutableBytes { raw in
            var offset = 0
            while offset + 4 <= raw.count {
                let length = Int(raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian)
                let start = offset + 4
                let crcAt = start + length - 4
                let crc = CRC32.checksum(UnsafeRawBufferPointer(rebasing: raw[start..<crcAt]))
                raw.storeBytes(of: crc.littleEndian, toByteOffset: crcAt, as: UInt32.self)
                offset = start + length
            }
        }
    }
}
