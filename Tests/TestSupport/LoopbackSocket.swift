// Stage 1 · Test harness: a blocking TCP socket on 127.0.0.1, for test clients and fake servers.
//
// Tests talk HTTP to the stage they started, over loopback, and sometimes play a tiny
// server themselves. Blocking calls are the clearest way to write that, so a
// `LoopbackSocket` is used from a dedicated thread (see `Thread+Blocking.swift`), never
// from Swift's cooperative pool. One thread owns the socket and reads, writes and
// closes it; any other thread may only `shutdown()` it, which wakes a blocked `read`
// with end-of-file — that is how a streaming request is cancelled. The `isClosed` flag,
// under a lock, guarantees `shutdown()` never touches a descriptor number that has
// been closed and perhaps reused.

import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A blocking IPv4 loopback socket owned by one thread; used by `TestHTTPClient` and test servers.
final class LoopbackSocket: Sendable {
    /// How many pending connections a listening test server queues.
    static let listenBacklog: Int32 = 16

    /// The socket's descriptor; valid until `close()`.
    let descriptor: Int32
    /// Set, under the lock, by `close()`; checked by `shutdown()`.
    private let isClosed = Mutex(false)

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Connects to `127.0.0.1:port`; throws a readable error if nothing listens there.
    static func connect(port: Int) throws -> LoopbackSocket {
        let socket = try LoopbackSocket(descriptor: makeDescriptor())
        var address = loopbackAddress(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                systemConnect(socket.descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let error = HarnessError.posix("connect to 127.0.0.1:\(port)")
            socket.close()
            throw error
        }
        return socket
    }

    /// Listens on `127.0.0.1` on a port the kernel picks (tests never use fixed ports).
    static func listen() throws -> (socket: LoopbackSocket, port: Int) {
        let socket = try LoopbackSocket(descriptor: makeDescriptor())
        var address = loopbackAddress(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket.descriptor, pointer, length) == 0 && getsockname(socket.descriptor, pointer, &length) == 0
            }
        }
        guard bound, systemListen(socket.descriptor, listenBacklog) == 0 else {
            let error = HarnessError.posix("bind/listen on 127.0.0.1")
            socket.close()
            throw error
        }
        return (socket, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// Waits for one connection on a listening socket.
    func accept() throws -> LoopbackSocket {
        while true {
            let client = systemAccept(descriptor, nil, nil)
            if client >= 0 {
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                return LoopbackSocket(descriptor: client)
            }
            if errno != EINTR { throw HarnessError.posix("accept") }
        }
    }

    /// Makes `read` fail with a timeout error after `timeout` without data.
    func setReadTimeout(_ timeout: Duration) {
        let (seconds, attoseconds) = timeout.components
        var value = timeval(tv_sec: .init(seconds), tv_usec: .init(attoseconds / 1_000_000_000_000))
        _ = setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Reads up to `maxCount` bytes; an empty result means end-of-file (or `shutdown()`).
    func read(maxCount: Int = 64 * 1024) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: maxCount)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count >= 0 { return Array(buffer[..<count]) }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { throw HarnessError("timed out reading from a loopback socket") }
            throw HarnessError.posix("recv")
        }
    }

    /// Writes all of `bytes`.
    func write(_ bytes: some Collection<UInt8>) throws {
        PosixSpawn.ignoreBrokenPipe()
        var remaining = Array(bytes)[...]
        while !remaining.isEmpty {
            let count = remaining.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EINTR { continue }
                throw HarnessError.posix("send")
            }
            remaining = remaining.dropFirst(count)
        }
    }

    /// Wakes any blocked `read` with end-of-file; safe from any thread, at any time.
    func shutdown() {
        isClosed.withLock { closed in
            if !closed { _ = systemShutdown(descriptor, Int32(SHUT_RDWR)) }
        }
    }

    /// Closes the socket; called once, by the owning thread.
    func close() {
        isClosed.withLock { closed in
            if !closed { _ = systemClose(descriptor) }
            closed = true
        }
    }

    /// A new close-on-exec TCP socket descriptor.
    private static func makeDescriptor() throws -> Int32 {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw HarnessError.posix("socket") }
        #if canImport(Darwin)
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        #endif
        return descriptor
    }

    /// `127.0.0.1:port` as a `sockaddr_in`.
    private static func loopbackAddress(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        #if canImport(Darwin)
        address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7f00_0001).bigEndian)
        return address
    }
}

// The C functions under other names, because `LoopbackSocket` has methods with their names.
private func systemConnect(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    connect(fd, address, length)
}
private func systemListen(_ fd: Int32, _ backlog: Int32) -> Int32 { listen(fd, backlog) }
private func systemAccept(_ fd: Int32, _ address: UnsafeMutablePointer<sockaddr>?, _ length: UnsafeMutablePointer<socklen_t>?) -> Int32 {
    accept(fd, address, length)
}
private func systemShutdown(_ fd: Int32, _ how: Int32) -> Int32 { shutdown(fd, how) }
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
