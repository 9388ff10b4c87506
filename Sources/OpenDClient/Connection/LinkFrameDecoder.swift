import NIOCore
import OpenDProtocol

/// The link's frame decoder: frames as ``FrameDecoder`` cuts them (header, decryption, SHA-1),
/// except that conflatable pushes go straight from the read buffer into the ``PushSlots`` on
/// the event loop, with no channel message, no allocation and no hand-off. Everything else
/// (responses, trade pushes, notices, bodies the router does not read) travels the pipeline
/// as before.
struct LinkFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = Frame

    let cipherState: FrameCipherState
    let maxBodyLength: UInt32
    let slots: PushSlots
    let generation: Int
    /// Sees every frame first (see ``FrameTap``); nil costs one branch.
    var tap: (any FrameTap)? = nil

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let frame = try FrameCodec.decode(from: &buffer, cipherState: cipherState, maxBodyLength: maxBodyLength)
        else { return .needMoreData }
        if let tap, frame.protoID != ProtoID.initConnect.rawValue { Self.show(frame, to: tap) }
        if frame.format == .protobuf, let kind = PushKind(protoID: frame.protoID) {
            let slots = self.slots, generation = self.generation
            let routed = frame.body.withUnsafeReadableBytes { slots.offer(kind, body: $0, generation: generation) }
            if routed { return .continue }
        }
        context.fireChannelRead(Self.wrapInboundOut(frame))
        return .continue
    }

    private static func show(_ frame: Frame, to tap: any FrameTap) {
        let isPush = ProtoID(rawValue: frame.protoID)?.isPush ?? false
        frame.body.withUnsafeReadableBytes {
            tap.frameReceived(protoID: frame.protoID, serial: frame.serial, isPush: isPush, body: $0)
        }
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        try decode(context: context, buffer: &buffer)
    }
}
