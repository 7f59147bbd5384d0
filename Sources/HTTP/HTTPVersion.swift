// Stage 1 · HTTP: the protocol version a request was sent with.
//
// The version decides how a connection behaves after a response: HTTP/1.1 keeps it open
// unless told otherwise, HTTP/1.0 closes it unless told otherwise, and only HTTP/1.1
// understands a chunked body. The parser reads it from the request line; the connection
// reads it to choose keep-alive and framing.

/// An HTTP/1.x version, read from the request line by the parser and used by the connection.
public struct HTTPVersion: Sendable, Hashable, CustomStringConvertible {
    /// The number before the dot; this server speaks only major version 1.
    public var major: Int
    /// The number after the dot: 0 or 1 in practice.
    public var minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// HTTP/1.0: connections close after each response unless the client asks to keep them.
    public static let http1_0 = HTTPVersion(major: 1, minor: 0)
    /// HTTP/1.1: persistent connections and chunked bodies.
    public static let http1_1 = HTTPVersion(major: 1, minor: 1)

    /// Whether connections stay open and chunked bodies work (HTTP/1.1 and later minors).
    public var isAtLeastHTTP1_1: Bool { major > 1 || (major == 1 && minor >= 1) }

    /// The version as written on the wire, such as `HTTP/1.1`.
    public var description: String { "HTTP/\(major).\(minor)" }
}
