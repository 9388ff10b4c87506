import Dispatch
import Foundation

/// Waits for SIGINT or SIGTERM (or a time limit), for commands that run until told to stop.
final class StopSignal: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Void, Never>?
    private var stopped = false

    init() {
        var made: [any DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            made.append(source)
        }
        sources = made
        for source in sources {
            source.setEventHandler { [weak self] in self?.fire() }
            source.resume()
        }
    }

    deinit { for source in sources { source.cancel() } }

    /// Returns on a signal, or after `limit` seconds when given.
    func wait(limit: Double?) async {
        if let limit {
            let timer = Task { [weak self] in
                try? await Task.sleep(for: .seconds(limit))
                self?.fire()
            }
            defer { timer.cancel() }
            await waitForFire()
        } else {
            await waitForFire()
        }
    }

    private func waitForFire() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            lock.lock()
            if stopped {
                lock.unlock()
                c.resume()
            } else {
                continuation = c
                lock.unlock()
            }
        }
    }

    private func fire() {
        lock.lock()
        stopped = true
        let c = continuation
        continuation = nil
        lock.unlock()
        c?.resume()
    }
}
