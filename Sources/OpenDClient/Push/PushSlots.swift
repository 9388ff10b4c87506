import NIOConcurrencyHelpers

/// The conflation store between the socket and the app. The I/O thread routes each
/// conflatable push straight into its slot (newest book, quote or K-line per code and
/// sub-type; ticker bodies in a bounded per-code ring) and, once per read, wakes the consumer
/// if it has not been woken since its last ``take(into:)``. The consumer takes what changed,
/// typically once per frame. Memory is bounded by the number of slots and the ring size,
/// however fast pushes come, and nothing queues behind the screen.
public final class PushSlots: @unchecked Sendable {
    /// Ticker bodies a code's ring holds before the oldest are dropped (and counted).
    public let ringCapacity: Int
    /// Distinct (kind, sub-type, code) slots kept at most; pushes for further ones are dropped
    /// and counted in ``overflowedPushes`` (a gateway pushing for codes nobody subscribed).
    public let slotLimit: Int

    private let lock = NIOLock()
    // Everything below is guarded by `lock`.
    private var slots: [PushSlot] = []
    private var index: [UInt64: Int] = [:]
    private var dirty: [Int] = []
    private var woken = false
    private var wake: (@Sendable () -> Void)?
    private var liveGeneration = 0
    private var overflowed = 0

    /// A store with `ringCapacity` ticker bodies per code and at most `slotLimit` slots.
    public init(ringCapacity: Int = 128, slotLimit: Int = 8192) {
        self.ringCapacity = max(1, ringCapacity)
        self.slotLimit = max(1, slotLimit)
        dirty.reserveCapacity(256)
    }

    /// Starts conflating: from now on conflatable pushes go to the slots and `wake` is called
    /// (on the I/O thread, outside any lock) when something waits after a take.
    public func attach(wake: @escaping @Sendable () -> Void) {
        lock.withLockVoid { self.wake = wake }
    }

    /// True once a consumer is attached.
    public var isAttached: Bool { lock.withLock { wake != nil } }

    /// Pushes dropped because ``slotLimit`` distinct slots were in use.
    public var overflowedPushes: Int { lock.withLock { overflowed } }

    /// Slots that hold something the consumer has not taken.
    public var waitingCount: Int { lock.withLock { dirty.count } }

    /// Pushes of link `generation` are accepted (it is ready); 0 accepts none.
    func accept(generation: Int) {
        lock.withLockVoid { liveGeneration = generation }
    }

    /// Routes one push of `kind` from link `generation`; false when the push must take the
    /// ordinary path (nobody attached, a stale link, or a body the router does not read exactly).
    @inline(__always)
    func offer(_ kind: PushKind, body: UnsafeRawBufferPointer, generation: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard wake != nil, generation == liveGeneration else { return false }
        return PushRoute.routes(of: kind, body: body) { route in store(route) }
    }

    /// Keeps `route` in its slot (lock held).
    @inline(__always)
    private func store(_ route: PushRoute) {
        let hash = route.hash
        let slotIndex: Int
        if let found = index[hash], slots[found].matches(route) {
            slotIndex = found
        } else if index[hash] == nil, slots.count < slotLimit {
            slotIndex = slots.count
            slots.append(PushSlot(route))
            index[hash] = slotIndex
        } else {
            overflowed += 1  // full, or a 64-bit hash collision between two keys
            return
        }
        slots[slotIndex].store(route, ringCapacity: ringCapacity)
        if !slots[slotIndex].isDirty {
            slots[slotIndex].isDirty = true
            dirty.append(slotIndex)
        }
    }

    /// The end of a read: wakes the consumer if something waits and it has not been woken yet.
    func publish() {
        let toWake: (@Sendable () -> Void)? = lock.withLock {
            guard !woken, !dirty.isEmpty, let wake else { return nil }
            woken = true
            return wake
        }
        toWake?()
    }

    /// Moves what changed since the last take into `out` (in the order the slots first changed)
    /// and re-arms the wake-up.
    public func take(into out: inout [TakenPush]) {
        lock.withLockVoid {
            woken = false
            for i in dirty { out.append(slots[i].take()) }
            dirty.removeAll(keepingCapacity: true)
        }
    }
}
