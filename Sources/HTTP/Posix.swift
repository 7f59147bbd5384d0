// Stage 1 · HTTP: the few socket calls whose spelling differs between Linux and macOS.
//
// Glibc and Darwin declare the same POSIX functions with different Swift types (on Linux
// `SOCK_STREAM` is an enum case, on macOS an `Int32`), and some features exist on one
// side only: `accept4` and `MSG_NOSIGNAL` on Linux, `SO_NOSIGPIPE` on macOS. Keeping
// those differences here leaves `Socket` readable as plain POSIX.
//
// Two choices apply to every socket: close-on-exec, because the kubelet starts container
// processes and they must not inherit (and keep open) the server's sockets; and no
// SIGPIPE, because writing to a client that has gone must be an error, not a signal
// that kills the whole process.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Platform shims for the socket calls `Socket` makes; nothing else in the module calls POSIX.
package enum Posix {
    /// `SOCK_STREAM` as the `Int32` that `socket(2)` and `addrinfo` take.
    #if canImport(Glibc)
    package static let streamSocketType = Int32(SOCK_STREAM.rawValue)
    #else
    package static let streamSocketType = SOCK_STREAM
    #endif

    /// Flags for every `send(2)`: on Linux, `MSG_NOSIGNAL` stops SIGPIPE for this call.
    #if canImport(Glibc)
    static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    static let sendFlags: Int32 = 0
    #endif

    /// A new TCP socket for `family` that child processes do not inherit; -1 on failure.
    package static func makeStreamSocket(family: Int32, protocol: Int32) -> Int32 {
        #if canImport(Glibc)
        return socket(family, streamSocketType | Int32(SOCK_CLOEXEC.rawValue), `protocol`)
        #else
        let descriptor = socket(family, streamSocketType, `protocol`)
        if descriptor >= 0 { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        return descriptor
        #endif
    }

    /// Accepts one connection as a non-blocking, close-on-exec socket; -1 with `errno` on failure.
    ///
    /// Linux's `accept4` would set both flags atomically, but Glibc's Swift module does not
    /// export it, so they are set just after; a process forked in that instant could inherit
    /// the socket, which the kubelet tolerates (the child closes it when it exits).
    static func acceptConnection(on listener: Int32) -> Int32 {
        let descriptor = accept(listener, nil, nil)
        if descriptor >= 0 {
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        return descriptor
    }

    /// Sets the options every socket of ours carries; returns false if one failed.
    package static func configure(_ descriptor: Int32) -> Bool {
        var on: Int32 = 1
        let size = socklen_t(MemoryLayout<Int32>.size)
        #if canImport(Darwin)
        // macOS has no MSG_NOSIGNAL; this socket option does the same for every write.
        guard setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &on, size) == 0 else { return false }
        #endif
        // Send small writes (a streamed chunk) at once instead of waiting to batch them (Nagle).
        // A listening socket refuses this option on some systems; that is harmless.
        _ = setsockopt(descriptor, Int32(IPPROTO_TCP), Int32(TCP_NODELAY), &on, size)
        return makeNonBlocking(descriptor)
    }

    /// Lets a new listener bind a port still in TIME_WAIT from a previous run.
    static func allowAddressReuse(_ descriptor: Int32) -> Bool {
        var on: Int32 = 1
        return setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size)) == 0
    }

    /// Makes calls on `descriptor` return EAGAIN instead of blocking.
    static func makeNonBlocking(_ descriptor: Int32) -> Bool {
        let flags = fcntl(descriptor, F_GETFL)
        return flags >= 0 && fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) == 0
    }

    /// Whether `errno` means "not now, wait for readiness".
    package static func wouldBlock(_ code: Int32) -> Bool { code == EAGAIN || code == EWOULDBLOCK }

    /// Flags for a `recv` that looks at waiting input without taking it or waiting: `Socket.isPeerGone`.
    package static let peekFlags = Int32(MSG_PEEK) | Int32(MSG_DONTWAIT)

    /// Closes a descriptor (named apart from `Socket.close` so the call is unambiguous).
    static func closeDescriptor(_ descriptor: Int32) {
        _ = close(descriptor)
    }
}
