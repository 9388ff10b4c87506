import Foundation
import Logging
import NIOCore
import NIOPosix
import OpenDProtocol

extension OpenDConnection {
    /// TCP connect, pipeline, InitConnect; on success the link is ready and its timers run.
    func establish() async throws {
        let endpoint = configuration.endpoint
        let cipherState: FrameCipherState
        do {
            cipherState = FrameCipherState(
                rsa: try configuration.rsaPrivateKeyPEM.map { try RSACipher(privateKeyPEM: $0) })
        } catch {
            throw OpenDClientError.handshakeFailed("unusable RSA private key: \(error)")
        }
        let generation = core.withLockedValue { core -> Int in
            core.generation += 1
            return core.generation
        }
        let maxBodyLength = configuration.maxBodyLength
        let slots = pushSlots
        let tap = configuration.frameTap
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(Self.timeAmount(configuration.connectTimeout))
            .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(
                            LinkFrameDecoder(
                                cipherState: cipherState, maxBodyLength: maxBodyLength, slots: slots,
                                generation: generation, tap: tap)),
                        MessageToByteHandler(FrameEncoder(cipherState: cipherState)),
                        ConnectionHandler(connection: self, generation: generation, cipherState: cipherState),
                    ])
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: endpoint.host, port: endpoint.port).get()
        } catch {
            throw OpenDClientError.unreachable(endpoint: endpoint.description, reason: "\(error)")
        }
        let link = ConnectionLink(generation: generation, channel: channel, cipherState: cipherState)
        let accepted = core.withLockedValue { core -> Bool in
            guard !core.isShutdown, core.generation == generation else { return false }
            core.link = link
            core.ready = false
            core.lastFrameAt = clock.now()
            return true
        }
        guard accepted else {
            try? await channel.close()
            throw OpenDClientError.closed
        }
        // If the channel already closed before `link` was recorded, its inactive event was ignored.
        if !channel.isActive {
            linkDropped(generation: generation, reason: "OpenD closed the connection")
        }

        var hello = InitConnect_C2S()
        hello.clientVer = configuration.clientVersion
        hello.clientID = configuration.clientID
        hello.recvNotify = true
        hello.packetEncAlgo = cipherState.rsa == nil ? -1 : 2
        hello.pushProtoFmt = 0
        hello.programmingLanguage = "Swift"
        let s2c: InitConnect_S2C
        do {
            let reply = try await exchange(on: link, timeout: configuration.requestTimeout) { serial in
                try makeFrame(.initConnect, serial: serial, message: InitConnect_Request(c2s: hello))
            }
            s2c = try unpack(reply, as: InitConnect_Response.self)
        } catch {
            let reason: String
            switch error {
            case OpenDClientError.gateway(_, let retType, let retMsg, _):
                reason = retMsg.isEmpty ? "retType \(retType)" : retMsg
            case OpenDClientError.closed:
                throw OpenDClientError.closed
            default:
                reason = "\(error)"
            }
            dropLink(link, reason: "InitConnect failed: \(reason)")
            throw OpenDClientError.handshakeFailed(reason)
        }
        let info = ConnectionInfo(
            connID: s2c.connID, loginUserID: s2c.loginUserID, serverVersion: s2c.serverVer,
            keepAliveInterval: s2c.keepAliveInterval, encrypted: cipherState.rsa != nil)
        let ready = core.withLockedValue { core -> Bool in
            guard core.link === link, !core.isShutdown else { return false }
            core.ready = true
            core.info = info
            core.reconnectTask = nil
            core.keepAliveTask = makeKeepAliveTask(link: link, interval: info.keepAliveInterval)
            core.watchdogTask = makeWatchdogTask(link: link)
            pushSlots.accept(generation: generation)
            setState(.connected(info), in: &core)
            return true
        }
        guard ready else {
            throw core.withLockedValue { $0.isShutdown }
                ? OpenDClientError.closed
                : OpenDClientError.disconnected("OpenD closed the connection during InitConnect")
        }
        logger.info(
            "connected to OpenD",
            metadata: [
                "endpoint": "\(endpoint)", "connID": "\(info.connID)", "encrypted": "\(info.encrypted)",
                "keepAlive": "\(info.keepAliveInterval)",
            ])
    }

    /// Switches `cipherState` to the AES session key named by a successful InitConnect response.
    func installSessionCipher(from frame: Frame, into cipherState: FrameCipherState) {
        guard let response = try? frame.decode(InitConnect_Response.self), response.retType == 0, response.hasS2C
        else { return }
        let s2c = response.s2C
        do {
            if s2c.hasAesCbciv {
                cipherState.aes = try AESCBCCipher(key: s2c.connAeskey, iv: s2c.aesCbciv)
            } else {
                cipherState.aes = try FTAESECBCipher(key: s2c.connAeskey)
            }
        } catch {
            logger.error("OpenD sent an unusable session key", metadata: ["error": "\(error)"])
        }
    }

    /// A frame arrived on link `generation` (called on its event loop).
    func didReceive(_ frame: Frame, generation: Int) {
        let now = clock.now()
        let isPush = ProtoID(rawValue: frame.protoID)?.isPush ?? false
        let key = ConnectionCore.PendingKey(protoID: frame.protoID, serial: frame.serial)
        let matched = core.withLockedValue { core -> Bool in
            guard core.link?.generation == generation else { return true }
            core.lastFrameAt = now
            if isPush {
                if core.ready {
                    core.pushBatch.append(frame)
                    core.ordinaryPushes += 1
                }
                return true
            }
            return core.pending[key] != nil
        }
        if isPush { return }
        if matched {
            resolve(key, with: .success(frame))
        } else {
            logger.notice(
                "dropping a response that matches no request",
                metadata: ["proto": "\(frame.protoID)", "serial": "\(frame.serial)"])
        }
    }

    /// The read on link `generation` is complete: deliver its pushes, and wake the consumer of
    /// the conflated ones, once for the whole read (called on its event loop).
    func readComplete(generation: Int) {
        let now = clock.now()
        let current = core.withLockedValue { core -> Bool in
            guard core.link?.generation == generation else { return false }
            // Conflated pushes bypass didReceive; a read is data from OpenD all the same.
            core.lastFrameAt = now
            flushPushes(in: &core)
            return true
        }
        if current { pushSlots.publish() }
    }

    /// Closes `link` for `reason` (watchdog, failed handshake) and handles the drop at once.
    func dropLink(_ link: ConnectionLink, reason: String) {
        linkDropped(generation: link.generation, reason: reason)
        link.channel.close(promise: nil)
    }

    /// Link `generation` is gone: fail its requests, stop its timers, and reconnect if it was in use.
    func linkDropped(generation: Int, reason: String) {
        let outcome = core.withLockedValue {
            core -> (pending: [ConnectionCore.Pending], tasks: [Task<Void, Never>], reconnect: Bool)? in
            guard let link = core.link, link.generation == generation else { return nil }
            let wasReady = core.ready
            pushSlots.accept(generation: 0)
            core.link = nil
            core.ready = false
            core.info = nil
            let pending = core.pending.filter { $0.value.generation == generation }
            for key in pending.keys { core.pending.removeValue(forKey: key) }
            let tasks = [core.keepAliveTask, core.watchdogTask].compactMap { $0 }
            core.keepAliveTask = nil
            core.watchdogTask = nil
            guard wasReady, !core.isShutdown else { return (Array(pending.values), tasks, false) }
            core.failures.note(reason, at: clock.now(), reconnecting: true)
            setState(.disconnected(reason: reason), in: &core)
            return (Array(pending.values), tasks, true)
        }
        guard let outcome else { return }
        if outcome.reconnect {
            logger.warning("lost the OpenD link", metadata: ["reason": "\(reason)"])
        }
        for task in outcome.tasks { task.cancel() }
        for request in outcome.pending {
            request.timeoutTask?.cancel()
            request.continuation.resume(throwing: OpenDClientError.disconnected(reason))
        }
        if outcome.reconnect { scheduleReconnect() }
    }

    /// Starts the reconnect loop unless one runs already or the connection is shut down.
    func scheduleReconnect() {
        core.withLockedValue { core in
            guard !core.isShutdown, core.reconnectTask == nil else { return }
            core.reconnectTask = Task { [weak self] in await self?.reconnectLoop() }
        }
    }

    /// Retries with the configured backoff until a link is ready, then replays what we hold.
    private func reconnectLoop() async {
        let backoff = configuration.reconnectBackoff.isEmpty ? [Duration.seconds(6)] : configuration.reconnectBackoff
        var attempt = 0
        while true {
            attempt += 1
            let delay = backoff[min(attempt - 1, backoff.count - 1)]
            let proceed = core.withLockedValue { core -> Bool in
                guard !core.isShutdown else { return false }
                setState(.reconnecting(attempt: attempt, delay: delay), in: &core)
                return true
            }
            guard proceed else { return }
            do { try await clock.sleep(delay) } catch { return }
            let go = core.withLockedValue { core -> Bool in
                guard !core.isShutdown else { return false }
                setState(.connecting(attempt: attempt), in: &core)
                return true
            }
            guard go else { return }
            do {
                try await establish()
                break
            } catch OpenDClientError.closed {
                return
            } catch {
                logger.warning("reconnect attempt failed", metadata: ["attempt": "\(attempt)", "error": "\(error)"])
                core.withLockedValue { core in
                    guard !core.isShutdown else { return }
                    core.failures.note("\(error)", at: clock.now(), reconnecting: false)
                    setState(.disconnected(reason: "\(error)"), in: &core)
                }
            }
        }
        await replayAfterReconnect()
    }

    /// Sends a KeepAlive every 0.8 × the interval InitConnect gave (10 s if it gave none).
    private func makeKeepAliveTask(link: ConnectionLink, interval: Int32) -> Task<Void, Never> {
        let seconds = interval > 0 ? Int64(interval) : 10
        let period = Duration.milliseconds(seconds * 800)
        let clock = self.clock
        let timeout = configuration.requestTimeout
        return Task { [weak self] in
            while !Task.isCancelled {
                do { try await clock.sleep(period) } catch { return }
                guard let self else { return }
                guard self.core.withLockedValue({ $0.link === link && $0.ready }) else { return }
                var ping = KeepAlive_C2S()
                ping.time = Int64(Date().timeIntervalSince1970)
                let message = KeepAlive_Request(c2s: ping)
                // The answer only proves liveness (the watchdog sees it); do not hold up the cadence.
                Task {
                    do {
                        _ = try await self.exchange(on: link, timeout: timeout) { serial in
                            try self.makeFrame(.keepAlive, serial: serial, message: message)
                        }
                    } catch {
                        self.logger.debug("keep-alive unanswered", metadata: ["error": "\(error)"])
                    }
                }
            }
        }
    }

    /// Drops the link when no frame at all has arrived for `silenceTimeout`.
    private func makeWatchdogTask(link: ConnectionLink) -> Task<Void, Never> {
        let clock = self.clock
        let silence = configuration.silenceTimeout
        return Task { [weak self] in
            while !Task.isCancelled {
                guard let self else { return }
                let last = self.core.withLockedValue { $0.lastFrameAt }
                let quietFor = clock.now() - last
                if quietFor >= silence {
                    self.logger.error("OpenD silent too long; dropping the link", metadata: ["silence": "\(silence)"])
                    self.dropLink(link, reason: "no data from OpenD for \(silence)")
                    return
                }
                do { try await clock.sleep(silence - quietFor) } catch { return }
            }
        }
    }
}

extension OpenDConnection {
    /// A NIO time amount for `duration`, whole nanoseconds, saturating.
    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return .nanoseconds(overflow ? Int64.max : scaled + attoseconds / 1_000_000_000)
    }
}
