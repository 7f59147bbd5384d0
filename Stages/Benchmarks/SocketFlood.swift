// Stage 3 · bench: the sockets of one flood wave, for `bench sockets`.
//
// `count` tasks each hold one connection open for as long as the server lets them: an
// idle one sends nothing; a slow one sends half a request head and then one header
// byte a second, never the blank line that would end it. When the server closes a
// socket (to make room, or because a clock ran out) the task counts it and connects
// again, so the flood stays at `count` sockets, as a real attack does. Cancelling
// `run()` ends every task and closes its socket.

import HTTP
import HTTPClient
import Synchronization

final class Flood: Sendable {
    /// How long the flood may take to open its sockets before the honest client starts anyway.
    static let openTimeout = Duration.seconds(30)

    let port: Int
    let count: Int
    let isSlow: Bool
    private struct Counts {
        var open = 0
        var closed = 0
        var refused = 0
    }
    private let counts = Mutex(Counts())

    init(port: Int, count: Int, isSlow: Bool) {
        self.port = port
        self.count = count
        self.isSlow = isSlow
    }

    /// Times the server closed one of the flood's sockets.
    var closedCount: Int { counts.withLock { $0.closed } }
    /// Times a flood socket was answered 503.
    var refusedCount: Int { counts.withLock { $0.refused } }

    /// Holds `count` sockets open until cancelled.
    func run() async {
        await withDiscardingTaskGroup { group in
            for index in 0..<count {
                group.addTask { await self.hold(index) }
            }
        }
    }

    /// Returns once every socket has connected once, or after `openTimeout`.
    func waitUntilOpen() async {
        let deadline = ContinuousClock.now + Self.openTimeout
        while counts.withLock({ $0.open }) < count, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// One socket of the flood, reconnected whenever the server closes it.
    private func hold(_ index: Int) async {
        var firstConnection = true
        while !Task.isCancelled {
            guard let socket = try? await Socket.connecting(to: "127.0.0.1", port: port) else {
                try? await Task.sleep(for: .milliseconds(100))
                continue
            }
            if firstConnection { counts.withLock { $0.open += 1 } }
            firstConnection = false
            await occupy(socket, index: index)
            socket.close()
            if Task.isCancelled { return }
            counts.withLock { $0.closed += 1 }
        }
    }

    /// Keeps `socket` open doing nothing useful until the server closes it or the task is cancelled.
    private func occupy(_ socket: Socket, index: Int) async {
        guard isSlow else {
            // Idle: wait for whatever the server does first (a 503, or closing it).
            if let answer = try? await socket.read(maxBytes: 4096) { note(answer) }
            return
        }
        do {
            try await socket.write(Array("GET /slow\(index) HTTP/1.1\r\nHost: flood\r\nX-Slow: ".utf8))
            while !Task.isCancelled {
                try await Task.sleep(for: SocketFloodBenchmark.trickleInterval)
                // Answered (503, 408) or closed since the last byte: this socket is done.
                if let answer = try socket.readIfArrived(maxBytes: 4096) {
                    note(answer)
                    return
                }
                try await socket.write(Array("a".utf8))
            }
        } catch {
            return
        }
    }

    /// Counts a 503 among what the server sent before closing.
    private func note(_ answer: [UInt8]) {
        if answer.starts(with: Array("HTTP/1.1 503".utf8)) { counts.withLock { $0.refused += 1 } }
    }
}
