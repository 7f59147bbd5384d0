// Stage 2 · HTTPClient: the client's kept-alive connections, waiting for their next request.
//
// Opening a TCP connection costs a round trip; a kubelet that reports status every few
// seconds, or a controller that lists and patches in bursts, would pay it on every request.
// So a connection whose response ended cleanly is parked here, and the next request to the
// same server takes it instead of dialling. The pool holds at most `capacity` idle
// connections (as Go's `MaxIdleConnsPerHost`); more requests at once simply open more
// connections, which are closed rather than parked when the pool is full.
//
// A parked connection may have been closed by the server meanwhile (its idle timeout). A
// peek on check-out catches the usual case; the race that remains (the server closes just
// as we send) is handled by `HTTPClient`, which retries an idempotent request once.

import HTTP
import Synchronization

/// Idle, reusable connections to one server; owned by one `HTTPClient` and its copies.
final class HTTPConnectionPool: Sendable {
    /// The most idle connections kept; a small number, as each is a descriptor on both sides.
    let capacity: Int
    // Newest last: the most recently used connection is the least likely to have timed out.
    private let idle = Mutex<[Socket]>([])

    /// An empty pool keeping up to `capacity` idle connections.
    init(capacity: Int) {
        self.capacity = capacity
    }

    deinit { closeAll() }

    /// The number of idle connections parked now.
    var idleCount: Int { idle.withLock { $0.count } }

    /// A parked connection that still looks alive, or nil; dead ones found on the way are closed.
    func checkOut() -> Socket? {
        while let socket = idle.withLock({ $0.popLast() }) {
            if socket.isOpenAndQuiet() { return socket }
            socket.close()
        }
        return nil
    }

    /// Parks a connection whose last response ended cleanly; closes it when the pool is full.
    func checkIn(_ socket: Socket) {
        let parked = idle.withLock { sockets -> Bool in
            guard sockets.count < capacity else { return false }
            sockets.append(socket)
            return true
        }
        if !parked { socket.close() }
    }

    /// Closes every parked connection.
    func closeAll() {
        for socket in idle.withLock({ sockets in defer { sockets = [] }; return sockets }) { socket.close() }
    }
}
