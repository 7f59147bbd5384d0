// Stage 1 · Test harness: a fake HTTP server that serves one connection, for client tests.
//
// `TestHTTPClient` is tested against bytes written by hand rather than against the
// project's own HTTP server, so the client's tests do not depend on the code the client
// will later check. The server accepts one connection on a kernel-chosen port, reads
// the request head, and hands the connection to the test's `respond` closure, which
// runs on a thread of its own and may block.

@testable import TestSupport
import Foundation
import Synchronization

/// A loopback server for exactly one request; started by `TestHTTPClientTests`.
final class OneShotHTTPServer: Sendable {
    /// The port the kernel chose.
    let port: Int
    /// The request head the client sent, once received.
    let request = Mutex<String?>(nil)
    /// True once the respond closure has returned and the connection is closed.
    let isFinished = Mutex(false)

    /// Starts listening and serves one connection with `respond` on a background thread.
    init(respond: @escaping @Sendable (LoopbackSocket) throws -> Void) throws {
        let (listener, port) = try LoopbackSocket.listen()
        self.port = port
        Thread.startDetached(named: "one-shot HTTP server") { [self] in
            defer { listener.close() }
            guard let connection = try? listener.accept() else { return }
            defer { connection.close(); isFinished.withLock { $0 = true } }
            var received: [UInt8] = []
            while received.firstRange(of: Array("\r\n\r\n".utf8)) == nil {
                guard let chunk = try? connection.read(), !chunk.isEmpty else { return }
                received += chunk
            }
            self.request.withLock { $0 = String(decoding: received, as: UTF8.self) }
            try? respond(connection)
        }
    }
}
