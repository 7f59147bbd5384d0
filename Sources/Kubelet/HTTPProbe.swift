// Stage 1 · Kubelet: the network half of probing — a TCP connect and an HTTP GET.
//
// These checks use plain blocking sockets with timeouts, run on a thread of their own:
// a probe waits on the network for up to `timeoutSeconds`, and that wait must not
// occupy one of the few threads Swift's concurrency runtime has for everyone else.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// TCP and HTTP checks against a container's port, each bounded by a timeout.
enum HTTPProbe {
    /// The most of a response a probe reads: enough for the status line.
    static let maximumResponseBytes = 4096

    /// Success when a TCP connection to `host:port` opens within `timeout`.
    static func connect(host: String, port: Int, timeout: Duration) async -> ProbeOutcome {
        await onOwnThread {
            switch openConnection(host: host, port: port, timeout: timeout) {
            case .success(let fd): close(fd); return .success
            case .failure(let message): return .failure(message)
            }
        }
    }

    /// Success when `GET path` on `host:port` answers 200–399 within `timeout`, as Kubernetes counts it.
    static func get(host: String, port: Int, path: String, headers: [(String, String)], timeout: Duration) async -> ProbeOutcome {
        await onOwnThread {
            let fd: Int32
            switch openConnection(host: host, port: port, timeout: timeout) {
            case .success(let opened): fd = opened
            case .failure(let message): return .failure(message)
            }
            defer { close(fd) }
            var request = "GET \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nUser-Agent: kube-probe/1.33\r\nAccept: */*\r\nConnection: close\r\n"
            for (name, value) in headers { request += "\(name): \(value)\r\n" }
            request += "\r\n"
            let bytes = Array(request.utf8)
            guard bytes.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == bytes.count else {
                return .failure("Get \"http://\(host):\(port)\(path)\": could not send the request")
            }
            var response: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 1024)
            while response.count < maximumResponseBytes, !response.contains(0x0A) {
                let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if count <= 0 { break }
                response += buffer[0..<count]
            }
            let statusLine = String(decoding: response.prefix { $0 != 0x0D && $0 != 0x0A }, as: UTF8.self)
            let parts = statusLine.split(separator: " ")
            guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let code = Int(parts[1]) else {
                return .failure("Get \"http://\(host):\(port)\(path)\": no HTTP response within the timeout")
            }
            return (200..<400).contains(code) ? .success : .failure("HTTP probe failed with statuscode: \(code)")
        }
    }

    /// Runs blocking work on a new thread and resumes the caller with its result.
    private static func onOwnThread(_ work: @escaping @Sendable () -> ProbeOutcome) async -> ProbeOutcome {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }

    /// The result of opening a connection: a connected socket, or why not.
    enum Connection { case success(Int32), failure(String) }

    /// Connects to an IPv4 `host:port` within `timeout`, with send and receive timeouts set.
    static func openConnection(host: String, port: Int, timeout: Duration) -> Connection {
        let target = "dial tcp \(host):\(port)"
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port)).bigEndian
        let resolvedHost = host == "localhost" ? "127.0.0.1" : host
        guard inet_pton(AF_INET, resolvedHost, &address.sin_addr) == 1 else {
            return .failure("\(target): not an IPv4 address")
        }
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return .failure("\(target): \(String(cString: strerror(errno)))") }
        // Not inherited by the containers the kubelet starts while the probe runs.
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                systemConnect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if result != 0 && errno != EINPROGRESS {
            let message = String(cString: strerror(errno))
            close(fd)
            return .failure("\(target): connect: \(message.lowercased())")
        }
        let milliseconds = Int32(clamping: Int64(timeout.seconds * 1000))
        var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        guard poll(&poller, 1, milliseconds) == 1 else {
            close(fd)
            return .failure("\(target): i/o timeout")
        }
        var socketError: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &socketError, &length)
        guard socketError == 0 else {
            close(fd)
            return .failure("\(target): connect: \(String(cString: strerror(socketError)).lowercased())")
        }
        _ = fcntl(fd, F_SETFL, flags)
        var limit = timeval(tv_sec: .init(milliseconds / 1000), tv_usec: .init(milliseconds % 1000 * 1000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        return .success(fd)
    }
}

/// The C library's `connect`, under a name that does not clash with `HTTPProbe.connect`.
private func systemConnect(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    connect(fd, address, length)
}
