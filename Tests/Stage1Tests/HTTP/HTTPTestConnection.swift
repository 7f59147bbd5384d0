// Test support: a tiny blocking HTTP client over raw sockets, run on its own thread.
//
// It is written independently of the server's `Socket` so the tests check the server
// against plain POSIX behaviour. Blocking calls must not run on Swift's cooperative
// pool (two threads here), so `offPool` runs them on a fresh `Thread` and resumes the
// awaiting test when done. Every socket has a receive timeout, so no test can hang.

import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Raised by test helpers; the message says what went wrong.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs blocking `work` on a new thread and returns its result to the awaiting task.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try work() })
        }
        thread.start()
    }
}

/// A thread-safe counter, for handlers that record how often they ran.
final class Counter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}

/// A response as the test client read it.
struct TestResponse: Sendable {
    var status: Int
    /// Header names lowercased; a repeated name keeps its last value.
    var headers: [String: String]
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// One blocking client connection to 127.0.0.1; used on a single thread.
final class TestConnection {
    static let receiveTimeoutSeconds = 60

    let descriptor: Int32
    private var buffer: [UInt8] = []

    /// Connects, or throws with `errno` (ECONNREFUSED when nothing listens).
    init(port: Int) throws {
        // Close-on-exec, so a child another test spawns meanwhile cannot hold it open.
        #if canImport(Glibc)
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        descriptor = socket(AF_INET, SOCK_STREAM, 0)
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        #endif
        var timeout = timeval(tv_sec: Self.receiveTimeoutSeconds, tv_usec: 0)
        _ = setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
        var on: Int32 = 1
        _ = setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if result != 0 {
            let code = errno
            close(descriptor)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }

    deinit { close(descriptor) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
            #else
            let flags: Int32 = 0
            #endif
            let sent = bytes.withUnsafeBytes { systemSend(descriptor, $0.baseAddress! + offset, $0.count - offset, flags) }
            guard sent > 0 else { throw TestFailure("send failed: errno \(errno)") }
            offset += sent
        }
    }

    /// Reads more bytes into the buffer; false at end of stream.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count < 0 { throw TestFailure("recv failed: errno \(errno)") }
        buffer += chunk[0..<count]
        return count > 0
    }

    /// Whether the server closed the connection (the next read is end of stream).
    func isClosedByServer() throws -> Bool {
        if !buffer.isEmpty { return false }
        return try !fill()
    }

    /// Reads one line ending in CRLF, without the ending.
    func readLine() throws -> String {
        while true {
            if let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[..<end].last == UInt8(ascii: "\r") ? buffer[..<(end - 1)] : buffer[..<end]
                buffer.removeSubrange(...end)
                return String(decoding: line, as: UTF8.self)
            }
            guard try fill() else { throw TestFailure("connection closed mid-line") }
        }
    }

    /// Reads exactly `count` bytes.
    func readBytes(_ count: Int) throws -> [UInt8] {
        while buffer.count < count {
            guard try fill() else { throw TestFailure("connection closed mid-body") }
        }
        defer { buffer.removeSubrange(0..<count) }
        return Array(buffer[0..<count])
    }

    /// Reads a status line and headers.
    func readHead() throws -> (status: Int, headers: [String: String]) {
        let statusLine = try readLine()
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw TestFailure("bad status line \(statusLine)") }
        var headers: [String: String] = [:]
        while true {
            let line = try readLine()
            if line.isEmpty { break }
            guard let colon = line.firstIndex(of: ":") else { throw TestFailure("bad header \(line)") }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, headers)
    }

    /// Reads one chunk of a chunked body; empty for the last chunk (after its trailer line).
    func readChunk() throws -> [UInt8] {
        let sizeLine = try readLine()
        guard let size = Int(sizeLine, radix: 16) else { throw TestFailure("bad chunk size \(sizeLine)") }
        if size == 0 {
            _ = try readLine()
            return []
        }
        let data = try readBytes(size)
        _ = try readLine()
        return data
    }

    /// Reads a whole response: Content-Length, chunked, or until close.
    func readResponse(isHead: Bool = false) throws -> TestResponse {
        let (status, headers) = try readHead()
        var body: [UInt8] = []
        if isHead {
            return TestResponse(status: status, headers: headers, body: [])
        }
        if let length = headers["content-length"].flatMap({ Int($0) }) {
            body = try readBytes(length)
        } else if headers["transfer-encoding"] == "chunked" {
            while case let chunk = try readChunk(), !chunk.isEmpty { body += chunk }
        } else {
            while try fill() {}
            body = buffer
            buffer = []
        }
        return TestResponse(status: status, headers: headers, body: body)
    }
}

#if canImport(Glibc)
private func systemSend(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int, _ flags: Int32) -> Int {
    Glibc.send(fd, pointer, count, flags)
}
#else
private func systemSend(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int, _ flags: Int32) -> Int {
    Darwin.send(fd, pointer, count, flags)
}
#endif

/// One request on a new connection, read to the end; the common case of the server tests.
func fetch(port: Int, _ request: String) async throws -> TestResponse {
    try await offPool {
        let connection = try TestConnection(port: port)
        try connection.send(request)
        return try connection.readResponse()
    }
}
