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
    /// Everything mutable, guarded by `lock` and reached through one access per call.
    private var table: Table
    private var wake: (@Sendable () -> Void)?

    /// A store with `ringCapacity` ticker bodies per code and at most `slotLimit` slots.
    public init(ringCapacity: Int = 128, slotLimit: Int = 8192) {
        self.ringCapacity = max(1, ringCapacity)
        self.slotLimit = max(1, slotLimit)
        table = Table(ringCapacity: self.ringCapacity, slotLimit: self.slotLimit)
    }

    /// Starts conflating: from now on conflatable pushes go to the slots and `wake` is called
    /// (on the I/O thread, outside any lock) when something waits after a take.
    public func attach(wake: @escaping @Sendable () -> Void) {
        lock.withLockVoid {
            self.wake = wake
            table.attached = true
        }
    }

    /// True once a consumer is attached.
    public var isAttached: Bool { lock.withLock { table.attached } }

    /// Pushes dropped because ``slotLimit`` distinct slots were in use.
    public var overflowedPushes: Int { lock.withLock { table.overflowed } }

    /// Running totals for the health HUD (one lock, read once per second or frame).
    public var counters: PushCounters {
        lock.withLock { PushCounters(offered: table.offered, conflated: table.conflated,
                                     droppedPrints: table.droppedPrints, overflowed: table.overflowed) }
    }

    /// Slots that hold something the consumer has not taken.
    public var waitingCount: Int { lock.withLock { table.dirty.count } }

    /// Pushes of link `generation` are accepted (it is ready); 0 accepts none.
    func accept(generation: Int) {
        lock.withLockVoid { table.liveGeneration = generation }
    }

    /// Routes one push of `kind` from link `generation`; false when the push must take the
    /// ordinary path (nobody attached, a stale link, or a body the router does not read exactly).
    @inline(__always)
    func offer(_ kind: PushKind, body: UnsafeRawBufferPointer, generation: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return table.offer(kind, body: body, generation: generation)
    }

    /// The end of a read: wakes the consumer if something waits and it has not been woken yet.
    func publish() {
        let toWake: (@Sendable () -> Void)? = lock.withLock {
            guard !table.woken, !table.dirty.isEmpty, let wake else { return nil }
            table.woken = true
            return wake
        }
        toWake?()
    }

    /// Moves what changed since the last take into `out` (in the order the slots first changed)
    /// and re-arms the wake-up.
    public func take(into out: inout [TakenPush]) {
        lock.withLockVoid { table.take(into: &out) }
    }

    /// The slots and their bookkeeping.
    private struct Table {
        let ringCapacity: Int
        let slotLimit: Int
        var slots: [PushSlot] = []
        var index: [UInt64: Int] = [:]
        var dirty: [Int] = []
        var woken = false
        var attached = false
        var liveGeneration = 0
        var overflowed = 0
        /// Pushes routed into a slot.
        var offered = 0
        /// Book, quote and K-line payloads replaced before a take.
        var conflated = 0
        /// Ticker prints pushed off a full ring (all time; each slot also counts since its take).
        var droppedPrints = 0

        init(ringCapacity: Int, slotLimit: Int) {
            self.ringCapacity = ringCapacity
            self.slotLimit = slotLimit
            dirty.reserveCapacity(256)
        }

        @inline(__always)
        mutating func offer(_ kind: PushKind, body: UnsafeRawBufferPointer, generation: Int) -> Bool {
            guard attached, generation == liveGeneration else { return false }
            let routed = PushRoute.routes(of: kind, body: body) { route in store(route) }
            if routed { offered &+= 1 }
            return routed
        }

        @inline(__always)
        mutating func store(_ route: PushRoute) {
            let hash = route.hash
            let slotIndex: Int
            if let found = index[hash] {
                guard slots[found].matches(route) else {
                    overflowed += 1  // a 64-bit hash collision between two keys
                    return
                }
                slotIndex = found
            } else if slots.count < slotLimit {
                slotIndex = slots.count
                slots.append(PushSlot(route))
                index[hash] = slotIndex
            } else {
                overflowed += 1
                return
            }
            if slots[slotIndex].kind == .ticker {
                if slots[slotIndex].ringCount == ringCapacity {
                    droppedPrints &+= slots[slotIndex].ringPrints[slots[slotIndex].ringStart]
                }
            } else if slots[slotIndex].isDirty {
                conflated &+= 1
            }
            slots[slotIndex].store(route, ringCapacity: ringCapacity)
            if !slots[slotIndex].isDirty {
                slots[slotIndex].isDirty = true
                dirty.append(slotIndex)
            }
        }

        mutating func take(into out: inout [TakenPush]) {
            woken = false
            for i in dirty { out.append(slots[i].take()) }
            dirty.removeAll(keepingCapacity: true)
        }
    }
}

/// Running totals of the conflation store, since it was made.
public struct PushCounters: Sendable, Hashable {
    /// Pushes routed into a slot.
    public var offered: Int
    /// Book, quote and K-line payloads replaced by a newer one before the consumer took them.
    public var conflated: Int
    /// Ticker prints pushed off a full ring.
    public var droppedPrints: Int
    /// Pushes refused because every slot was in use.
    public var overflowed: Int
}
