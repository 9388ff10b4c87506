import Foundation

/// What could be read from a recording: the header, every intact record in order, and where
/// and why reading stopped early, if it did.
public struct RecordingContents: Sendable {
    public var header: RecordingHeader
    public var entries: [RecordedEntry]
    /// The damage that ended the readable part (truncation or corruption, with its offset), or nil.
    public var damage: RecordingError?
    /// Size of the file in bytes.
    public var byteCount: Int
}

/// Reads recordings. The whole file is read into memory (a recording of a day of a few codes is
/// tens of megabytes).
public enum RecordingReader {
    /// Reads the file at `path`. A bad header throws; damage after it is reported in `damage`
    /// and everything before it is returned.
    public static func read(path: String) throws(RecordingError) -> RecordingContents {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io("cannot read recording \(path)")
        }
        return try read(bytes: [UInt8](data))
    }

    /// Reads a recording held in memory.
    public static func read(bytes: [UInt8]) throws(RecordingError) -> RecordingContents {
        let (header, first) = try RecordingHeader.decode(bytes)
        var entries: [RecordedEntry] = []
        var damage: RecordingError?
        var offset = first
        while offset < bytes.count {
            switch record(in: bytes, at: offset) {
            case .success(let (entry, next)):
                entries.append(entry)
                offset = next
            case .failure(let error):
                damage = error
                offset = bytes.count
            }
        }
        return RecordingContents(header: header, entries: entries, damage: damage, byteCount: bytes.count)
    }

    private static func record(in bytes: [UInt8], at offset: Int) -> Result<(RecordedEntry, Int), RecordingError> {
        var r = ByteReader(bytes, offset: offset)
        guard let length32 = r.read(UInt32.self) else {
            return .failure(.truncated(offset: offset, "the file ends inside a record's length"))
        }
        let length = Int(length32)
        guard length >= RecordingFormat.recordFixedLength, length <= RecordingFormat.maxRecordLength else {
            return .failure(.corrupt(offset: offset, "impossible record length \(length)"))
        }
        guard r.remaining >= length else {
            return .failure(
                .truncated(offset: offset, "the record needs \(length) bytes, the file has \(r.remaining) left"))
        }
        let start = r.offset
        let crcAt = start + length - 4
        let computed = bytes.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[start..<crcAt])) }
        var c = ByteReader(bytes, offset: crcAt)
        guard c.read(UInt32.self) == computed else {
            return .failure(.corrupt(offset: offset, "the record's checksum does not match"))
        }
        let kind = r.read(UInt8.self)!
        let flags = r.read(UInt8.self)!
        let protoID = r.read(UInt32.self)!
        let serial = r.read(UInt32.self)!
        let time = r.read(UInt64.self)!
        let body = r.readBytes(crcAt - r.offset)!
        let next = start + length
        switch kind {
        case RecordingFormat.kindFrame:
            let frame = RecordedFrame(
                receivedNanoseconds: time, protoID: protoID, serial: serial,
                isPush: flags & RecordingFormat.flagPush != 0, body: body)
            return .success((.frame(frame), next))
        case RecordingFormat.kindGap:
            var g = ByteReader(body)
            guard let dropped = g.read(UInt64.self), let last = g.read(UInt64.self) else {
                return .failure(.corrupt(offset: offset, "a gap record shorter than 16 bytes"))
            }
            return .success((.gap(RecordedGap(firstNanoseconds: time, lastNanoseconds: last, dropped: dropped)), next))
        default:
            return .failure(.corrupt(offset: offset, "unknown record kind \(kind)"))
        }
    }
}
