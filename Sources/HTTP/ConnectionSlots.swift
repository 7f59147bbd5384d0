// Stage 1 · HTTP: who gets a connection slot, and whom to close when there are none left.
//
// A server can serve only so many connections at once (`maxConnections`), and an
// attacker can open that many without ever finishing a request: hundreds of sockets that
// send nothing ("idle"), or that send a request head a byte at a time ("slowloris").
// A server that simply refuses newcomers when full is then unreachable for everyone
// until the attacker's sockets time out. So instead, when the slots are short, the
// newcomer takes the slot of the connection that is doing the least, in this order:
//
//   1. an idle connection, waiting for its next request (or for its first): closing it
//      costs a client nothing but a new handshake, which HTTP clients expect (they
//      retry an idempotent request that found its kept-alive connection closed);
//      the one idle longest goes first;
//   2. a connection still sending its request, the one that began longest ago:
//      an honest client sends its head in a moment, a slow loris takes seconds;
//   3. never a busy connection, whose request a handler is answering or whose response
//      is streaming (a watch, `kubectl logs -f`): that is work a client asked for.
//
// And one address may hold at most `maxConnectionsPerAddress` slots: a newcomer from an
// address at its share takes the slot of that address's own least busy connection, so
// one client cannot crowd out the others even with connections that are all busy.
// Only when no slot can be freed is the newcomer refused (503).
//
// This is a pure state machine (no sockets, no clock of its own), so its rules are
// tested one by one in ConnectionSlotsTests; `ConnectionTable` applies its decisions.

/// The server's connection slots: what each connection is doing, and who yields to a newcomer.
struct ConnectionSlots: Sendable {
    /// What a connection is doing, as far as its slot is concerned.
    enum Phase: Sendable, Equatable {
        /// Waiting for a request: just accepted, or between a response and the next request.
        case idle
        /// A request has begun arriving and is not complete yet.
        case receiving
        /// A handler is answering, or the response is being written.
        case busy
    }

    /// What `admit` decided for a newcomer.
    enum Admission: Sendable, Equatable {
        /// Served; `evicting` is the connection that must be closed to make room, if any.
        case admitted(evicting: Int?)
        /// No slot could be freed; the message says which limit, for the 503.
        case refused(String)
    }

    private struct Entry {
        let address: String
        var phase: Phase
        /// When `phase` began: the ordering among idle and among receiving connections.
        var since: ContinuousClock.Instant
    }

    let maxConnections: Int
    let maxConnectionsPerAddress: Int
    // Invariant: `perAddress[a]` is the number of entries with address `a`; an evicted
    // connection is removed at once, so a slot is free the moment it is given up.
    private var entries: [Int: Entry] = [:]
    private var perAddress: [String: Int] = [:]

    init(maxConnections: Int, maxConnectionsPerAddress: Int) {
        self.maxConnections = maxConnections
        self.maxConnectionsPerAddress = maxConnectionsPerAddress
    }

    /// The number of connections holding a slot.
    var count: Int { entries.count }

    /// The number of slots held by connections from `address`.
    func count(from address: String) -> Int { perAddress[address] ?? 0 }

    /// Whether connection `id` holds a slot (false once it was evicted or removed).
    func holdsSlot(_ id: Int) -> Bool { entries[id] != nil }

    /// Decides whether connection `id` from `address` is served, freeing a slot if need be;
    /// an admitted connection starts idle.
    mutating func admit(_ id: Int, from address: String, now: ContinuousClock.Instant) -> Admission {
        var victim: Int?
        if count(from: address) >= maxConnectionsPerAddress {
            guard let found = leastBusy(from: address) else {
                return .refused("too many connections from \(address)")
            }
            victim = found
        } else if entries.count >= maxConnections {
            guard let found = leastBusy(from: nil) else { return .refused("too many connections") }
            victim = found
        }
        if let victim { remove(victim) }
        entries[id] = Entry(address: address, phase: .idle, since: now)
        perAddress[address, default: 0] += 1
        return .admitted(evicting: victim)
    }

    /// Records what connection `id` is doing now; returns false when it no longer holds a slot.
    mutating func enter(_ phase: Phase, for id: Int, now: ContinuousClock.Instant) -> Bool {
        guard var entry = entries[id] else { return false }
        if entry.phase != phase {
            entry.phase = phase
            entry.since = now
            entries[id] = entry
        }
        return true
    }

    /// Gives up connection `id`'s slot; nothing if it had none left.
    mutating func remove(_ id: Int) {
        guard let entry = entries.removeValue(forKey: id) else { return }
        let left = (perAddress[entry.address] ?? 1) - 1
        perAddress[entry.address] = left > 0 ? left : nil
    }

    /// The connection that yields its slot first, among those from `address` (nil: all):
    /// the longest idle, else the longest receiving; never a busy one.
    private func leastBusy(from address: String?) -> Int? {
        var best: (id: Int, rank: Int, since: ContinuousClock.Instant)?
        for (id, entry) in entries where address == nil || entry.address == address {
            let rank: Int
            switch entry.phase {
            case .idle: rank = 0
            case .receiving: rank = 1
            case .busy: continue
            }
            if let current = best, (current.rank, current.since) <= (rank, entry.since) { continue }
            best = (id, rank, entry.since)
        }
        return best?.id
    }
}
