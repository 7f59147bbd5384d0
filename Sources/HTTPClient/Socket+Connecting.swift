// Stage 2 · HTTPClient: opening a client connection without blocking a thread.
//
// A blocking `connect` would hold one of the cooperative pool's few threads for as long as
// the handshake takes (on a lost route, minutes). So the socket is made non-blocking first:
// `connect` then answers EINPROGRESS, we await writability with the same `SocketReadiness`
// the server uses, and read the handshake's outcome from `SO_ERROR`.
//
// Names are resolved with `getaddrinfo`, which blocks (it may ask DNS). A numeric address
// needs no lookup and is resolved in place; a name is resolved on a Dispatch queue, off the
// cooperative pool. Each address is tried in turn (`localhost` is often `::1` and then
// `127.0.0.1`); refused everywhere becomes `HTTPClientError.connectionRefused`.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import HTTP

extension Socket {
    /// A connected, non-blocking socket to `host:port`; throws `HTTPClientError` on failure.
    package static func connecting(to host: String, port: Int) async throws -> Socket {
        let addresses = try await resolve(host: host, port: port)
        var sawRefusal = false
        var lastReason = "no usable address"
        for address in addresses {
            try Task.checkCancellation()
            do {
                return try await connect(to: address)
            } catch let error as SocketError {
                if error.code == ECONNREFUSED { sawRefusal = true }
                lastReason = error.description
            }
        }
        if sawRefusal { throw HTTPClientError.connectionRefused(host: host, port: port) }
        throw HTTPClientError.connectionFailed(host: host, port: port, reason: lastReason)
    }

    /// One connection attempt to one resolved address.
    private static func connect(to address: Posix.ResolvedAddress) async throws -> Socket {
        let descriptor = Posix.makeStreamSocket(family: address.family, protocol: address.protocol)
        guard descriptor >= 0 else { throw SocketError("socket", code: errno) }
        let socket = Socket(owning: descriptor)
        guard Posix.configure(descriptor) else { throw SocketError("configure socket", code: errno) }
        let result = address.withSockaddr { systemConnect(descriptor, $0, $1) }
        if result == 0 { return socket }
        let code = errno
        // EINPROGRESS: the handshake continues; EINTR: it continues too, and we wait the same way.
        guard code == EINPROGRESS || code == EINTR else { throw SocketError("connect", code: code) }
        try await SocketReadiness.wait(for: .writable, on: descriptor)
        let outcome = Posix.pendingError(descriptor)
        guard outcome == 0 else { throw SocketError("connect", code: outcome) }
        return socket
    }

    /// The addresses for `host:port`, looked up off the cooperative pool unless numeric.
    private static func resolve(host: String, port: Int) async throws -> [Posix.ResolvedAddress] {
        let outcome: Result<[Posix.ResolvedAddress], SocketError>
        if case .success(let numeric) = Posix.resolve(host: host, port: port, numericOnly: true), !numeric.isEmpty {
            outcome = .success(numeric)
        } else {
            outcome = await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(returning: Posix.resolve(host: host, port: port, numericOnly: false))
                }
            }
        }
        switch outcome {
        case .success(let addresses): return addresses
        case .failure(let error): throw HTTPClientError.connectionFailed(host: host, port: port, reason: error.reason)
        }
    }
}

/// `connect(2)`, named apart from `Socket.connect(to:)` so the call is unambiguous.
private func systemConnect(_ descriptor: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    #if canImport(Glibc)
    Glibc.connect(descriptor, address, length)
    #else
    Darwin.connect(descriptor, address, length)
    #endif
}

extension Socket {
    /// Whether the connection is open with nothing waiting to be read, checked without waiting.
    ///
    /// A parked client connection is fit for another request only then: end of stream means
    /// the server closed it, and unread bytes (a server's late `408`) mean it is out of step.
    func isOpenAndQuiet() -> Bool {
        var byte: UInt8 = 0
        let result = recv(descriptor, &byte, 1, Posix.peekFlags)
        return result < 0 && Posix.wouldBlock(errno)
    }
}
