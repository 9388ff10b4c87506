import Logging
import NIOConcurrencyHelpers
import NIOCore
import OpenDProtocol

/// One client connection: frames in, the core's answers and pushes out.
final class SimConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = Frame
    typealias OutboundOut = Frame

    private let core: GatewayCore
    private let registry: ChannelRegistry
    private let cipherState: FrameCipherState
    private var connection: UInt64?

    init(core: GatewayCore, registry: ChannelRegistry, cipherState: FrameCipherState) {
        self.core = core
        self.registry = registry
        self.cipherState = cipherState
    }

    func channelActive(context: ChannelHandlerContext) {
        guard let id = core.connect() else {
            core.logger.warning("refusing a connection: \(GatewayCore.maxConnections) connections already open")
            context.close(promise: nil)
            return
        }
        connection = id
        registry.add(id, .init(channel: context.channel, cipherState: cipherState))
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let id = connection else { return }
        let frame = unwrapInboundIn(data)
        registry.deliver(core.handle(frame, from: id))
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let id = connection {
            registry.remove(id)
            core.disconnect(id)
            connection = nil
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A corrupt stream (bad magic, SHA-1, decryption) cannot be resynchronised: drop the client.
        core.logger.debug("closing connection \(connection.map(String.init) ?? "-"): \(error)")
        context.close(promise: nil)
    }
}
