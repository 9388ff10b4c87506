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

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let frame = try FrameCodec.decode(from: &buffer, cipherState: cipherState, maxBodyLength: maxBodyLength)
        else { return .needMoreData }
        if frame.format == .protobuf, let kind = PushKind(protoID: frame.protoID) {
            let slots = self.slots, generation = self.generation
            let routed = frame.body.withUnsafeReadableBytes { slots.offer(kind, body: $0, generation: generation) }
            if routed { return .continue }
        }
        context.fireChannelRead(Self.wrapInboundOut(frame))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        try decode(context: context, buffer: &buffer)
    }
}
