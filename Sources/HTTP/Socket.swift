// Stage 1 · HTTP: a non-blocking TCP socket whose reads and writes are `async`.
//
// Each call tries the system call first; only when the kernel answers EAGAIN ("no data
// yet", "send buffer full") does it suspend, in `SocketReadiness`, until the descriptor
// is ready, and then tries again. So a thousand idle connections cost a thousand small
// suspended tasks, not a thousand threads, and the cooperative pool never blocks.
//
// Ownership: a `Socket` owns its descriptor and closes it once, on `close()` or when
// the last reference goes. One task at a time reads, and one task at a time writes,
// per socket (the connection serving it); closing happens after those tasks are done,
// so no call ever runs on a descriptor number that was closed and reused.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A non-blocking TCP socket, used by the server for its listener and for each connection.
package final class Socket: Sendable {
    /// The file descriptor this socket owns.
    package let descriptor: Int32
    private let isClosed = Atomic<Bool>(false)

    /// Takes ownership of a descriptor that is already non-blocking and configured.
    package init(owning descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close() }

    /// Closes the descriptor; later calls do nothing.
    package func close() {
        if isClosed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged {
            Posix.closeDescriptor(descriptor)
        }
    }

    /// Reads what has arrived, up to `maxBytes`, waiting if nothing has; empty means the peer closed.
    package func read(maxBytes: Int) async throws -> [UInt8] {
        while true {
            if let bytes = try readIfArrived(maxBytes: maxBytes) { return bytes }
            try await SocketReadiness.wait(for: .readable, on: descriptor)
        }
    }

    /// What has arrived, up to `maxBytes`, without waiting: nil when nothing has yet, empty
    /// when the peer closed. A reader in a hurry tries this before it arranges to wait.
    package func readIfArrived(maxBytes: Int) throws -> [UInt8]? {
        while true {
            var result = 0
            var code: Int32 = 0
            let bytes = [UInt8](unsafeUninitializedCapacity: maxBytes) { buffer, initialized in
                result = recv(descriptor, buffer.baseAddress, maxBytes, 0)
                code = errno
                initialized = max(result, 0)
            }
            if result >= 0 { return bytes }
            if code == EINTR { continue }
            guard Posix.wouldBlock(code) else { throw SocketError("recv", code: code) }
            return nil
        }
    }

    /// Writes all of `bytes`, waiting whenever the kernel's send buffer is full.
    package func write(_ bytes: [UInt8]) async throws {
        var offset = 0
        while offset < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, Posix.sendFlags)
            }
            if result >= 0 {
                offset += result
                continue
            }
            let code = errno
            if code == EINTR { continue }
            guard Posix.wouldBlock(code) else { throw SocketError("send", code: code) }
            try await SocketReadiness.wait(for: .writable, on: descriptor)
        }
    }

    /// Sends what fits right now and never waits; for a last word before closing (a 503).
    func writeWithoutWaiting(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Posix.sendFlags) }
    }

    /// Whether the peer has closed or reset the connection, checked without consuming input.
    ///
    /// A peek that returns 0 bytes means end of stream; "would block" means the peer is
    /// still there and quiet; data waiting means it is there and talking. A peer that
    /// only half-closed (shut down its sending side) also reads as gone.
    func isPeerGone() -> Bool {
        var byte: UInt8 = 0
        let result = recv(descriptor, &byte, 1, Posix.peekFlags)
        if result > 0 { return false }
        if result == 0 { return true }
        let code = errno
        return !(Posix.wouldBlock(code) || code == EINTR)
    }

    /// Stops both directions, waking a pending read with end of stream: how the server
    /// evicts a connection served by another task (see ConnectionTable.swift).
    func shutdownBoth() {
        _ = shutdown(descriptor, Int32(SHUT_RDWR))
    }

    /// Stops sending: the peer reads end of stream while we may still read what it sends.
    func shutdownWriting() {
        _ = shutdown(descriptor, Int32(SHUT_WR))
    }
}
