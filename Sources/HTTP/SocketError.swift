// Stage 1 · HTTP: a failed socket call, with the call's name and the system's reason.
//
// Connection code mostly cares whether an error means "the client went away", which is
// routine (a closed browser tab, a `curl` that got its answer) and is logged quietly.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A socket system call that failed; thrown by `Socket` and by `HTTPBodyWriter.write`.
public struct SocketError: Error, Sendable, CustomStringConvertible {
    /// The call that failed, such as `send` or `bind 127.0.0.1:10255`.
    public let operation: String
    /// The `errno` value, or 0 when the failure had none (a name that did not resolve).
    public let code: Int32
    /// The system's explanation.
    public let reason: String

    /// An error for `operation` from the current `errno`-style `code`.
    package init(_ operation: String, code: Int32) {
        self.operation = operation
        self.code = code
        self.reason = String(cString: strerror(code))
    }

    /// An error with an explanation that is not an `errno`.
    package init(_ operation: String, reason: String) {
        self.operation = operation
        self.code = 0
        self.reason = reason
    }

    /// Whether the peer closed or reset the connection: routine, not a server fault.
    public var isDisconnect: Bool { [EPIPE, ECONNRESET, ENOTCONN, ETIMEDOUT].contains(code) }

    /// Whether the process is out of descriptors or memory: transient, others will free some.
    var isResourceExhaustion: Bool { [EMFILE, ENFILE, ENOBUFS, ENOMEM].contains(code) }

    /// `operation: reason`, for log lines.
    public var description: String { "\(operation): \(reason)" }
}
