import NIOCore
import SwiftProtobuf

/// One OpenD packet with its body in plaintext (decrypted, SHA-1 verified on receipt).
public struct Frame: Sendable {
    public var protoID: UInt32
    public var format: ProtoFormat
    public var serial: UInt32
    /// Plaintext body bytes.
    public var body: ByteBuffer

    public init(protoID: UInt32, format: ProtoFormat = .protobuf, serial: UInt32, body: ByteBuffer) {
        self.protoID = protoID
        self.format = format
        self.serial = serial
        self.body = body
    }

    /// A protobuf frame carrying `message`.
    public init<M: SwiftProtobuf.Message>(protoID: ProtoID, serial: UInt32, message: M) throws {
        let bytes: [UInt8] = try message.serializedBytes()
        self.init(protoID: protoID.rawValue, format: .protobuf, serial: serial, body: ByteBuffer(bytes: bytes))
    }

    /// The known protocol id, if this is one mootui speaks.
    public var knownProtoID: ProtoID? { ProtoID(rawValue: protoID) }

    /// Decodes the body as `M`, honouring the frame's format byte. Missing proto2 `required`
    /// fields are tolerated (as the official SDK does) so an older gateway does not break us.
    public func decode<M: SwiftProtobuf.Message>(_ type: M.Type = M.self) throws -> M {
        do {
            switch format {
            case .protobuf:
                return try M(serializedBytes: body.readableBytesSpan, partial: true)
            case .json:
                let text = String(buffer: body)
                var options = JSONDecodingOptions()
                options.ignoreUnknownFields = true
                return try M(jsonString: text, options: options)
            }
        } catch {
            throw FrameError.malformedBody(protoID: protoID, serial: serial, reason: "\(error)")
        }
    }
}
