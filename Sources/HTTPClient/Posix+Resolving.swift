// Stage 2 · HTTPClient: the system calls a client needs: name resolution and a connect's outcome.
//
// `getaddrinfo` hands back a linked list owned by the C library; we copy each address into
// a plain value (`ResolvedAddress`) and free the list at once, so addresses can cross tasks
// and nothing points into freed memory.

import HTTP
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Posix {
    /// One address `getaddrinfo` found, copied out of its list.
    struct ResolvedAddress: Sendable {
        let family: Int32
        let `protocol`: Int32
        let storage: sockaddr_storage
        let length: socklen_t

        /// Calls `body` with the address as the `sockaddr` pointer that `connect(2)` takes.
        func withSockaddr<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
            withUnsafePointer(to: storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
            }
        }
    }

    /// The TCP addresses of `host:port`; with `numericOnly`, fails fast for a name instead of a lookup.
    static func resolve(host: String, port: Int, numericOnly: Bool) -> Result<[ResolvedAddress], SocketError> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = streamSocketType
        hints.ai_flags = AI_NUMERICSERV | (numericOnly ? AI_NUMERICHOST : 0)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0 else {
            return .failure(SocketError("resolve \(host)", reason: String(cString: gai_strerror(status))))
        }
        defer { freeaddrinfo(list) }
        var addresses: [ResolvedAddress] = []
        var next = list
        while let info = next?.pointee {
            next = info.ai_next
            guard let address = info.ai_addr, Int(info.ai_addrlen) <= MemoryLayout<sockaddr_storage>.size else { continue }
            var storage = sockaddr_storage()
            withUnsafeMutableBytes(of: &storage) { target in
                target.copyMemory(from: UnsafeRawBufferPointer(start: address, count: Int(info.ai_addrlen)))
            }
            addresses.append(ResolvedAddress(family: info.ai_family, protocol: info.ai_protocol, storage: storage, length: info.ai_addrlen))
        }
        return .success(addresses)
    }

    /// The error a non-blocking `connect` finished with (`SO_ERROR`); 0 for success.
    static func pendingError(_ descriptor: Int32) -> Int32 {
        var code: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &code, &length) == 0 else { return errno }
        return code
    }
}
