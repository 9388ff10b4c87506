import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import OpenDProtocol
import TradingKit

/// A running simulated OpenD: markets, a paper broker and the OpenD wire protocol on one port.
public final class SimServer: Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let core: GatewayCore
    private let registry: ChannelRegistry
    private let timer: RepeatedTask
    private let address: (host: String, port: Int)

    private init(group: MultiThreadedEventLoopGroup, channel: any Channel, core: GatewayCore,
                 registry: ChannelRegistry, timer: RepeatedTask, host: String, port: Int) {
        self.group = group
        self.channel = channel
        self.core = core
        self.registry = registry
        self.timer = timer
        self.address = (host, port)
    }

    /// Starts a simulator and returns once it listens.
    public static func start(_ configuration: SimConfiguration) async throws -> SimServer {
        try await start(configuration, clock: LiveClock())
    }

    /// Starts a simulator reading time from `clock`.
    static func start(_ configuration: SimConfiguration, clock: any SimClock) async throws -> SimServer {
        guard configuration.rate >= 0, configuration.rate.isFinite else {
            throw SimConfigurationError("--rate must be a number ≥ 0")
        }
        guard configuration.quota >= 0 else { throw SimConfigurationError("--quota must be ≥ 0") }
        if let md5 = configuration.tradePasswordMD5 {
            guard md5.count == 32, md5.allSatisfy(\.isHexDigit) else {
                throw SimConfigurationError("the trade password MD5 must be 32 hexadecimal characters (the MD5 of the trade password)")
            }
        }
        // OpenD's rule: a listener that is not local needs the private key before it trades.
        // The simulator is all about trading, so it does not start that way at all.
        if !isLoopback(configuration.host), configuration.rsaPrivateKeyPEM == nil {
            throw SimConfigurationError(
                "--host \(configuration.host) is not a loopback address: serving the network needs encryption, "
                    + "give --rsa-key FILE (as OpenD, which trades on a non-local listener only with its private key)")
        }
        let rsa: RSACipher?
        do {
            rsa = try configuration.rsaPrivateKeyPEM.map { try RSACipher(privateKeyPEM: $0) }
        } catch {
            throw SimConfigurationError("unusable RSA private key: \(error)")
        }
        let logger = Logger(label: "mootui.sim")
        let registry = ChannelRegistry()
        // One event loop: the core is serialised anyway, and pushes keep their order.
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let core: GatewayCore
        do {
            core = try GatewayCore(configuration: configuration, clock: clock, logger: logger,
                                   scheduler: EventLoopScheduler(loop: group.next()),
                                   deliver: { registry.deliver($0) })
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
        do {
            let channel = try await ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 256)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .childChannelOption(.writeBufferWaterMark, value: .init(low: 1 << 20, high: 4 << 20))
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let cipherState = FrameCipherState(rsa: rsa)
                        try channel.pipeline.syncOperations.addHandlers([
                            ByteToMessageHandler(FrameDecoder(cipherState: cipherState)),
                            MessageToByteHandler(FrameEncoder(cipherState: cipherState)),
                            SimConnectionHandler(core: core, registry: registry, cipherState: cipherState),
                        ])
                    }
                }
                .bind(host: configuration.host, port: configuration.port).get()
            let port = channel.localAddress?.port ?? configuration.port
            let period: TimeAmount = configuration.replay != nil ? .milliseconds(5) : configuration.rate > 0
                ? .microseconds(Int64(max(min(1_000_000 / configuration.rate, 250_000), 5_000))) : .milliseconds(500)
            // Catch up at most two periods' worth of updates per tick: a simulator that falls
            // behind skips ahead instead of flooding its clients with a burst.
            let periodSeconds = Double(period.nanoseconds) / 1e9
            let maxSteps = max(2, Int((configuration.rate * periodSeconds * 2).rounded(.up)))
            let loop = group.next()
            let lastSweep = NIOLockedValueBox(Date())
            let timer = loop.scheduleRepeatedTask(initialDelay: period, delay: period) { _ in
                registry.deliver(core.advanceToNow(maxSteps: maxSteps))
                let now = Date()
                let sweep = lastSweep.withLockedValue { last in
                    guard now.timeIntervalSince(last) >= 1 else { return false }
                    last = now
                    return true
                }
                if sweep {
                    for id in core.silentConnections() { registry.entry(id)?.channel.close(promise: nil) }
                }
            }
            return SimServer(group: group, channel: channel, core: core, registry: registry, timer: timer,
                             host: configuration.host, port: port)
        } catch {
            try? await group.shutdownGracefully()
            core.close()
            throw error
        }
    }

    /// True for an address only this machine can reach: 127.0.0.0/8, ::1 and `localhost`.
    /// Anything else (0.0.0.0, ::, a LAN address or a host name) may be reachable from outside.
    static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if h == "localhost" || h == "::1" || h == "0:0:0:0:0:0:0:1" { return true }
        let parts = h.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// The bound address.
    public var host: String { address.host }
    /// The bound port (the real one when 0 was asked for).
    public var port: Int { address.port }

    /// Pauses, steps, seeks or re-speeds the replay (`mootui replay` keys); nil when not replaying.
    /// Safe from any thread (the core's lock).
    public func replayControl(_ command: ReplayControl, timeZone: TimeZone = .current) -> ReplayStatus? {
        core.replayControl(command, timeZone: timeZone)
    }

    /// Closes every connection, stops the markets and closes the ledger.
    public func shutdown() async throws {
        timer.cancel()
        try? await channel.close()
        for entry in registry.all { try? await entry.channel.close() }
        try await group.shutdownGracefully()
        core.close()
    }
}

