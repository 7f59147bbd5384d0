// Test support for stage 2's HTTP tests: a server on port 0 for the length of a test, a
// deadline for every wait, a gate a handler can wait on, and a raw client socket for
// playing a misbehaving client (half a request head, a body that never comes).

@testable import TestSupport
import Testing
import Common
import Synchronization
@testable import HTTP
@testable import HTTPClient

/// Raised by these helpers; the message says what went wrong.
struct Stage2TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Limits for tests that are not about the clocks: the head clock is long, because a test's
/// request may wait seconds for a thread on a loaded machine before the server reads it.
let patientLimits = HTTPLimits(headerTimeout: .seconds(60))

/// Runs a server for the duration of `body`, then cancels it and waits until it has stopped.
func withRunningServer(
    limits: HTTPLimits = patientLimits,
    handler: @escaping @Sendable (HTTPRequest) async -> HTTPResponse,
    _ body: @escaping @Sendable (HTTPServer) async throws -> Void
) async throws {
    let server = try HTTPServer(port: 0, limits: limits, logger: .silent, handler: handler)
    try await withDeadline {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            try await body(server)
            group.cancelAll()
            try await group.waitForAll()
        }
    }
}


/// A handler answering `METHOD path body-length`, the common case of these tests.
let echoHandler: @Sendable (HTTPRequest) async -> HTTPResponse = { request in
    .text("\(request.method) \(request.target) \(String(decoding: request.body, as: UTF8.self))")
}

/// A one-shot gate: `wait()` suspends until `open()` is called (at any time, before or after).
final class Gate: Sendable {
    private enum State {
        case closed([CheckedContinuation<Void, Never>])
        case open
    }
    private let state = Mutex(State.closed([]))

    /// Lets every waiter, present and future, through.
    func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            defer { state = .open }
            if case .closed(let waiters) = state { return waiters }
            return []
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Suspends until the gate is open.
    func wait() async {
        await withCheckedContinuation { continuation in
            let isOpen = state.withLock { state -> Bool in
                guard case .closed(let waiters) = state else { return true }
                state = .closed(waiters + [continuation])
                return false
            }
            if isOpen { continuation.resume() }
        }
    }
}

/// A raw client connection for tests that misbehave on purpose.
struct RawClient: Sendable {
    let socket: Socket

    /// Connects to the server on 127.0.0.1.
    static func connect(to server: HTTPServer) async throws -> RawClient {
        RawClient(socket: try await Socket.connecting(to: "127.0.0.1", port: server.port))
    }

    /// Sends `text` as it is.
    func send(_ text: String) async throws {
        try await socket.write(Array(text.utf8))
    }

    /// Reads until the server closes the connection and returns everything it sent.
    func readUntilClosed() async throws -> String {
        var received: [UInt8] = []
        while true {
            let bytes: [UInt8]
            do {
                bytes = try await socket.read(maxBytes: 64 * 1024)
            } catch let error as SocketError where error.isDisconnect {
                break
            }
            if bytes.isEmpty { break }
            received += bytes
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Reads until `marker` has arrived, and returns everything read so far.
    func read(through marker: String) async throws -> String {
        var received = ""
        while !received.contains(marker) {
            let bytes = try await socket.read(maxBytes: 64 * 1024)
            guard !bytes.isEmpty else { throw Stage2TestFailure("closed before \(marker): \(received)") }
            received += String(decoding: bytes, as: UTF8.self)
        }
        return received
    }
}
