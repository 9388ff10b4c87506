import Logging
import NIOCore
import NIOPosix
import OpenDProtocol

/// A running simulated OpenD: markets, a paper broker and the OpenD wire protocol on one port.
public final class SimServer: Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let address: (host: String, port: Int)

    private init(group: MultiThreadedEventLoopGroup, channel: any Channel, host: String, port: Int) {
        self.group = group
        self.channel = channel
        self.address = (host, port)
    }

    /// Starts a simulator and returns once it listens.
    public static func start(_ configuration: SimConfiguration) async throws -> SimServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            let channel = try await ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 256)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in channel.eventLoop.makeSucceededVoidFuture() }
                .bind(host: configuration.host, port: configuration.port).get()
            let port = channel.localAddress?.port ?? configuration.port
            return SimServer(group: group, channel: channel, host: configuration.host, port: port)
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    /// The bound address.
    public var host: String { address.host }
    /// The bound port (the real one when 0 was asked for).
    public var port: Int { address.port }

    /// Closes every connection, stops the markets and closes the ledger.
    public func shutdown() async throws {
        try? await channel.close()
        try await group.shutdownGracefully()
    }
}
