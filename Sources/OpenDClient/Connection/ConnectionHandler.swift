import Logging
import NIOCore
import OpenDProtocol

/// The last handler of a link's pipeline: hands frames to the connection and reports why the link ended.
final class ConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = Frame

    private let connection: OpenDConnection
    private let generation: Int
    private let cipherState: FrameCipherState
    private var closeReason: String?

    init(connection: OpenDConnection, generation: Int, cipherState: FrameCipherState) {
        self.connection = connection
        self.generation = generation
        self.cipherState = cipherState
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        // The AES key must be in place before the decoder reads the next frame, which it does
        // right after this call returns, so the switch happens here, on the event loop.
        if frame.protoID == ProtoID.initConnect.rawValue, cipherState.rsa != nil {
            connection.installSessionCipher(from: frame, into: cipherState)
        }
        connection.didReceive(frame, generation: generation)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        connection.readComplete(generation: generation)
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        let reason: String
        if let frameError = error as? FrameError {
            reason = "corrupt data from OpenD: \(frameError)"
        } else if error is ByteToMessageDecoderError {
            reason = closeReason ?? "corrupt data from OpenD"
        } else {
            reason = "network error: \(error)"
        }
        if closeReason == nil {
            closeReason = reason
            connection.logger.error("closing the OpenD link", metadata: ["reason": "\(reason)"])
        }
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        connection.linkDropped(generation: generation, reason: closeReason ?? "OpenD closed the connection")
        context.fireChannelInactive()
    }
}
