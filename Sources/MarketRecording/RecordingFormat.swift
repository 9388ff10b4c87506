/// The mootui market recording format, version 1. All integers are little-endian.
///
/// A file is one header, then records until the end of the file:
///
/// ```
/// header   magic      8 bytes  "MOOTREC\n"
///          version    u16      1
///          flags      u16      0 (bit 0 would mean compressed bodies; none are written, a reader refuses it)
///          start      u64      wall-clock start, nanoseconds since the Unix epoch
///          gateway    u16 length + UTF-8   where the frames came from, e.g. "127.0.0.1:11111"
///          subs       u32 count, then per subscription: u16 length + UTF-8 code ("HK.00700"), i32 OpenD SubType
///          crc        u32      CRC-32 (IEEE) of every header byte before it
/// record   length     u32      bytes that follow in this record (fixed part + body + crc), at least 22
///          kind       u8       0 frame, 1 gap
///          flags      u8       bit 0 push, bit 1 response (a frame that answered a request)
///          protoID    u32      OpenD protocol id (0 in a gap)
///          serial     u32      the frame header's serial (0 in a gap)
///          time       u64      receive time, nanoseconds since the Unix epoch (a gap: its first drop)
///          body       length - 22 bytes: a frame's decrypted protobuf body; a gap's u64 count of
///                               dropped frames and u64 time of its last drop
///          crc        u32      CRC-32 of kind ... body
/// ```
///
/// A record costs 26 bytes besides its body. Bodies are stored as they came off the wire after
/// decryption, so a reader decodes them with the same generated protobuf types as the client.
/// A reader stops at the first record whose length runs past the end (a truncated file) or whose
/// CRC does not match (a corrupt one), reporting that byte offset; everything before it is intact.
public enum RecordingFormat {
    /// The first eight bytes of every recording.
    public static let magic: [UInt8] = Array("MOOTREC\n".utf8)
    /// The version this build writes and reads.
    public static let version: UInt16 = 1
    /// kind + flags + protoID + serial + time + crc.
    public static let recordFixedLength = 1 + 1 + 4 + 4 + 8 + 4
    /// Bytes of a record besides its body: the length prefix and the fixed part.
    public static let recordOverhead = 4 + recordFixedLength
    /// Records longer than this are treated as corruption (OpenD bodies stay far below it).
    public static let maxRecordLength = 64 << 20

    static let kindFrame: UInt8 = 0
    static let kindGap: UInt8 = 1
    static let flagPush: UInt8 = 1
    static let flagResponse: UInt8 = 2
}
