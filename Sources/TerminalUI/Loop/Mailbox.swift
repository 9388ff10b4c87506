import Foundation

/// Messages posted from any task or thread to the UI thread, which it drains in one go.
/// Posting writes one byte to a wake-up pipe (only when the UI thread has not yet been woken),
/// so a burst of a thousand pushes wakes the loop once.
public final class Mailbox<Message: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Message] = []
    private var woken = false
    private var closed = false
    /// The read end the UI thread polls.
    public let wakeFD: Int32
    private let writeFD: Int32

    /// A mailbox with its own wake-up pipe.
    public init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) != 0 { fds = [-1, -1] }
        for fd in fds where fd >= 0 {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wakeFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        if wakeFD >= 0 { Glibc.close(wakeFD) }
        if writeFD >= 0 { Glibc.close(writeFD) }
    }

    /// Queues a message and wakes the UI thread.
    public func post(_ message: Message) {
        lock.lock()
        guard !closed else { lock.unlock(); return }
        pending.append(message)
        let wake = !woken
        woken = true
        lock.unlock()
        if wake {
            var byte: UInt8 = 1
            _ = write(writeFD, &byte, 1)
        }
    }

    /// Takes every queued message, oldest first, and re-arms the wake-up.
    public func drain() -> [Message] {
        var sink = [UInt8](repeating: 0, count: 64)
        while read(wakeFD, &sink, sink.count) > 0 {}
        lock.lock()
        defer { lock.unlock() }
        woken = false
        let out = pending
        pending.removeAll(keepingCapacity: true)
        return out
    }

    /// Stops accepting messages (late posts after shutdown are dropped).
    public func close() {
        lock.lock()
        closed = true
        lock.unlock()
    }
}
