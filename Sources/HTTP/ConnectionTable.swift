// Stage 1 · HTTP: the server's open connections, and the one place a connection is evicted.
//
// `ConnectionSlots` decides who yields a slot; this table carries the decision out. It
// keeps each served socket next to its slot, under one lock, so that closing a victim is
// safe: the victim's socket is shut down (both ways) while the lock is held and the
// socket is still in the table, and a connection's task leaves the table (`finish`)
// before it closes its socket. So a shutdown never reaches a descriptor that was closed
// and perhaps reused. The shutdown wakes the victim's pending read with end of stream,
// and its task ends as it would for a client that hung up.

import Synchronization

/// The server's connections, by id; owned by one `HTTPServer`.
final class ConnectionTable: Sendable {
    private struct State {
        var slots: ConnectionSlots
        /// Every connection whose task is still running, evicted ones included.
        var sockets: [Int: Socket] = [:]
        var nextID = 0
    }

    /// What `admit` decided.
    enum Admission {
        /// Served under `slot`; `evictedAnother` when another connection was closed to make room.
        case admitted(ConnectionSlot, evictedAnother: Bool)
        /// Refused; the message says which limit.
        case refused(String)
    }

    private let state: Mutex<State>

    init(limits: HTTPLimits) {
        state = Mutex(State(slots: ConnectionSlots(
            maxConnections: limits.maxConnections, maxConnectionsPerAddress: limits.maxConnectionsPerAddress)))
    }

    /// The number of connections whose task is still running.
    var count: Int { state.withLock { $0.sockets.count } }

    /// Admits `socket` from `address`, shutting down the connection that yields its slot.
    func admit(_ socket: Socket, from address: String, now: ContinuousClock.Instant = .now) -> Admission {
        state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            switch state.slots.admit(id, from: address, now: now) {
            case .refused(let message):
                return .refused(message)
            case .admitted(let victim):
                state.sockets[id] = socket
                let evicted = victim.flatMap { state.sockets[$0] }
                evicted?.shutdownBoth()
                return .admitted(ConnectionSlot(id: id, table: self), evictedAnother: evicted != nil)
            }
        }
    }

    /// Records connection `id`'s phase; false when it was evicted and must stop.
    fileprivate func enter(_ phase: ConnectionSlots.Phase, for id: Int) -> Bool {
        state.withLock { $0.slots.enter(phase, for: id, now: .now) }
    }

    /// Connection `id`'s task is ending: its slot and its socket leave the table.
    fileprivate func finish(_ id: Int) {
        state.withLock { state in
            state.slots.remove(id)
            state.sockets[id] = nil
        }
    }
}

/// One connection's hold on its slot, given to the connection that serves it.
struct ConnectionSlot: Sendable {
    let id: Int
    let table: ConnectionTable

    /// Says what the connection does now; false when it lost its slot and must stop.
    func enter(_ phase: ConnectionSlots.Phase) -> Bool { table.enter(phase, for: id) }

    /// Gives the slot up; call before closing the socket.
    func finish() { table.finish(id) }
}
