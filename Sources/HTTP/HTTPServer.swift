// Stage 1 · HTTP: the server: a listening socket, an accept loop, a task per connection.
//
// `init` binds and listens at once, so a port clash fails where the server is built and
// `port` is known (port 0 picks a free one) before anything runs. `run()` accepts
// connections until its task is cancelled and serves each in a child task of one task
// group. That structure is the shutdown story: cancelling `run()` cancels every
// connection's task; `run()` closes the listener at once, so new clients are refused,
// and returns only when every connection has finished. Nothing outlives it.
//
// The kubelet (stage 1) serves its read-only API on port 10255 with this; the API server
// (stage 2) serves Kubernetes' REST API with it. Both route requests themselves in
// their handler; `HTTPRequest.pathSegments` is the one routing helper.

import Common
import Synchronization

/// An HTTP/1.1 server that calls one handler per request; each component that serves HTTP owns one.
public final class HTTPServer: Sendable {
    /// How long to pause accepting when the process runs out of descriptors, so the loop does not spin.
    static let acceptBackoff = Duration.milliseconds(100)

    /// `run()` was called on a server that has already run.
    public struct AlreadyRunError: Error, CustomStringConvertible {
        public var description: String { "an HTTPServer runs once; make a new one" }
    }

    /// The address the server listens on, as given.
    public let host: String
    /// The port the server listens on: the kernel's choice when it was made with port 0.
    public let port: Int

    private let listener: Socket
    private let limits: HTTPLimits
    private let logger: Logger
    private let handler: @Sendable (HTTPRequest) async -> HTTPResponse
    // Stage 2 > the API server words its refusals (413, 431, 400…) as a Kubernetes `Status`
    private let refusalResponder: (@Sendable (HTTPStatus, String) -> HTTPResponse)?
    // Stage 2 <
    // Connections being served now, and who yields a slot when they are too many
    // (ConnectionSlots.swift, ConnectionTable.swift).
    private let connections: ConnectionTable
    // Stage 2 > a count of every connection ever accepted, so tests (and a curious
    // learner) can see stage 2's client reuse kept-alive connections instead of opening new ones.
    private let acceptedConnections = Atomic<Int>(0)
    // Stage 2 <
    private let hasRun = Atomic<Bool>(false)

    /// Binds and listens on `host:port` now; `handler` answers every valid request once `run()` runs.
    public init(
        host: String = "127.0.0.1",
        port: Int,
        limits: HTTPLimits = HTTPLimits(),
        logger: Logger,
        // Stage 2 > the API server words its refusals as a Kubernetes `Status`
        refusalResponder: (@Sendable (HTTPStatus, String) -> HTTPResponse)? = nil,
        // Stage 2 <
        handler: @escaping @Sendable (HTTPRequest) async -> HTTPResponse
    ) throws {
        // Stage 2 > the API server words its refusals as a Kubernetes `Status`
        self.refusalResponder = refusalResponder
        // Stage 2 <
        listener = try Socket.listening(host: host, port: port)
        self.host = host
        self.port = listener.localPort
        self.limits = limits
        self.logger = logger
        self.handler = handler
        connections = ConnectionTable(limits: limits)
    }

    /// Where the server listens, as `host:port` (`[::1]:port` for an IPv6 address), for log lines.
    public var address: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// The number of connections being served right now.
    public var connectionCount: Int { connections.count }

    // Stage 2 > a count of accepted connections, to show the client's keep-alive
    /// The number of connections accepted since `run()` began, open or closed.
    public var acceptedConnectionCount: Int { acceptedConnections.load(ordering: .relaxed) }
    // Stage 2 <

    /// Accepts and serves connections until the task is cancelled; returns when all have closed.
    public func run() async throws {
        guard !hasRun.exchange(true, ordering: .relaxed) else { throw AlreadyRunError() }
        logger.info("serving HTTP", ["address": address])
        try await withThrowingDiscardingTaskGroup { group in
            // Runs when the accept loop ends, before the group waits for its children:
            // stop taking clients first, then tell the connections to finish.
            defer {
                listener.close()
                group.cancelAll()
            }
            while !Task.isCancelled {
                guard let connection = try await acceptNextConnection() else { continue }
                // Stage 2 > a count of accepted connections, to show the client's keep-alive
                acceptedConnections.add(1, ordering: .relaxed)
                // Stage 2 <
                switch connections.admit(connection, from: connection.peerAddress) {
                case .refused(let message):
                    refuse(connection, message)
                case .admitted(let slot, let evictedAnother):
                    if evictedAnother { logger.debug("connection closed to make room", ["limit": limits.maxConnections]) }
                    group.addTask { await self.serve(connection, slot: slot) }
                }
            }
        }
        logger.info("stopped serving HTTP", ["address": address])
    }

    /// The next connection; nil after cancellation or a transient failure (the loop re-checks).
    private func acceptNextConnection() async throws -> Socket? {
        do {
            return try await listener.accept()
        } catch is CancellationError {
            return nil
        } catch let error as SocketError where error.isResourceExhaustion {
            // Out of descriptors or memory: existing connections will free some; wait, then retry.
            logger.warning("cannot accept connections", ["error": error])
            try? await Task.sleep(for: Self.acceptBackoff)
            return nil
        }
    }

    /// Serves one connection and closes it; a connection that ends badly gets one debug line.
    private func serve(_ connection: Socket, slot: ConnectionSlot) async {
        // The slot first: once the socket is out of the table, nobody else touches it.
        defer {
            slot.finish()
            connection.close()
        }
        do {
            var served = HTTPConnection(socket: connection, limits: limits, handler: handler)
            served.slot = slot
            // Stage 2 > the API server words its refusals as a Kubernetes `Status`
            served.refusalResponder = refusalResponder
            // Stage 2 <
            try await served.serve()
        } catch is CancellationError {
            // Shutdown: not the connection's fault.
        } catch {
            logger.debug("connection failed", ["error": error])
        }
    }

    /// No slot could be freed: say so in one non-blocking write, and close.
    private func refuse(_ connection: Socket, _ message: String) {
        connection.writeWithoutWaiting(HTTPResponse.encodeRefusal(status: .serviceUnavailable, message: message))
        connection.close()
        logger.debug("connection refused", ["reason": message, "limit": limits.maxConnections])
    }
}
