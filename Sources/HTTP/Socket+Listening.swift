// Stage 1 · HTTP: making a listening socket and accepting connections on it.
//
// `listening(host:port:)` resolves the host (numeric addresses resolve without any
// lookup), binds the first address that works and starts listening, all synchronously,
// so a server knows its port, or fails, before anything runs. Port 0 asks the kernel
// for any free port; `localPort` reports which one it chose, which is how tests run
// side by side without colliding.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Socket {
    /// How many finished handshakes the kernel queues before we accept them (Linux caps it
    /// at `net.core.somaxconn`). Go asks for the system's maximum; 128 let a wave of a few
    /// hundred connections fill the queue, so an honest client's handshake was dropped and
    /// retried a second later.
    static let listenBacklog: Int32 = 4096

    /// A socket listening on `host:port`; throws if the address cannot be bound.
    static func listening(host: String, port: Int) throws -> Socket {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Posix.streamSocketType
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var addresses: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &addresses)
        guard status == 0 else {
            throw SocketError("resolve \(host)", reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(addresses) }

        var lastError = SocketError("bind \(host):\(port)", reason: "no usable address")
        var next = addresses
        while let address = next?.pointee {
            next = address.ai_next
            let descriptor = Posix.makeStreamSocket(family: address.ai_family, protocol: address.ai_protocol)
            guard descriptor >= 0 else {
                lastError = SocketError("socket", code: errno)
                continue
            }
            guard Posix.allowAddressReuse(descriptor),
                  bind(descriptor, address.ai_addr, address.ai_addrlen) == 0,
                  listen(descriptor, listenBacklog) == 0,
                  Posix.makeNonBlocking(descriptor) else {
                lastError = SocketError("bind \(host):\(port)", code: errno)
                Posix.closeDescriptor(descriptor)
                continue
            }
            return Socket(owning: descriptor)
        }
        throw lastError
    }

    /// The port this socket is bound to: the kernel's choice when it was asked for port 0.
    var localPort: Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard status == 0 else { return 0 }
        let address = storage
        let bigEndianPort: UInt16 = withUnsafePointer(to: address) { pointer in
            if Int32(address.ss_family) == AF_INET6 {
                pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_port }
            } else {
                pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_port }
            }
        }
        return Int(UInt16(bigEndian: bigEndianPort))
    }

    /// Waits for and accepts the next connection, already configured for async use.
    func accept() async throws -> Socket {
        while true {
            let descriptor = Posix.acceptConnection(on: self.descriptor)
            if descriptor >= 0 {
                let connection = Socket(owning: descriptor)
                // A socket we cannot configure is dropped; the next client should not suffer for it.
                guard Posix.configure(descriptor) else {
                    connection.close()
                    continue
                }
                return connection
            }
            let code = errno
            // EINTR: a signal arrived; ECONNABORTED: the client gave up before we accepted.
            if code == EINTR || code == ECONNABORTED { continue }
            guard Posix.wouldBlock(code) else { throw SocketError("accept", code: code) }
            try await SocketReadiness.wait(for: .readable, on: self.descriptor)
        }
    }
}
