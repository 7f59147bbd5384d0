// Stage 1 · HTTP: the size limits a server enforces on what a client sends.
//
// A server that believes a client's byte counts can be made to allocate without bound:
// a request line of a gigabyte, a million headers, a body "of length 10^18". Every such
// number is capped here, in one place (like xv6's `param.h`), and the parser and the
// server read their caps from an `HTTPLimits` value. Stage 1's kubelet takes the defaults;
// stage 2's API server passes its own (a 3 MiB body) without touching the parser. The
// time limits and their reasons are in HTTPLimits+Timeouts.swift.

/// The caps on a request's parts and on open connections, read by the parser and the server.
public struct HTTPLimits: Sendable, Equatable {
    /// The longest request line (`GET /pods HTTP/1.1`) accepted; longer gets 414 Request URI Too Long.
    public static let defaultMaxRequestLineBytes = 8 * 1024
    /// The largest header section accepted; larger gets 431 Request Header Fields Too Large.
    public static let defaultMaxHeaderSectionBytes = 16 * 1024
    /// The most header fields in one request; more gets 431.
    public static let defaultMaxHeaderCount = 100
    /// The largest request body accepted in stage 1; larger gets 413 Request Entity Too Large.
    public static let defaultMaxBodyBytes = 1024 * 1024
    /// The most connections served at once; beyond it a newcomer takes the slot of an idle
    /// or slow connection, and gets 503 only when every one is busy (ConnectionSlots.swift).
    public static let defaultMaxConnections = 512
    /// The most connections served at once from one client address: half the slots, so one
    /// client, however many sockets it opens, leaves the other half to everyone else.
    public static let defaultMaxConnectionsPerAddress = 256

    /// The longest request line accepted, in bytes, without its line ending.
    public var maxRequestLineBytes: Int
    /// The largest header section accepted, in bytes, counting every header line.
    public var maxHeaderSectionBytes: Int
    /// The most header fields accepted in one request.
    public var maxHeaderCount: Int
    /// The largest request body accepted, in bytes.
    public var maxBodyBytes: Int
    /// The most connections the server serves at the same time.
    public var maxConnections: Int
    /// The most connections the server serves at the same time from one IP address.
    public var maxConnectionsPerAddress: Int

    // The time limits; their defaults and the reasons for them are in HTTPLimits+Timeouts.swift.

    /// How long a client may take to send a request's head (request line and headers),
    /// counted from the connection's opening or from the first byte of a later request.
    public var headerTimeout: Duration
    /// How long a kept-alive connection may wait for the first byte of its next request.
    public var idleTimeout: Duration
    /// How long a client may take to send a request's body, counted from the end of its head.
    public var bodyTimeout: Duration
    /// Whether `Transfer-Encoding: chunked` request bodies are decoded (otherwise: 501).
    public var acceptsChunkedBodies: Bool

    /// Limits for a server; each one defaults to stage 1's constant above.
    public init(
        maxRequestLineBytes: Int = HTTPLimits.defaultMaxRequestLineBytes,
        maxHeaderSectionBytes: Int = HTTPLimits.defaultMaxHeaderSectionBytes,
        maxHeaderCount: Int = HTTPLimits.defaultMaxHeaderCount,
        maxBodyBytes: Int = HTTPLimits.defaultMaxBodyBytes,
        maxConnections: Int = HTTPLimits.defaultMaxConnections,
        maxConnectionsPerAddress: Int = HTTPLimits.defaultMaxConnectionsPerAddress,
        headerTimeout: Duration = HTTPLimits.defaultHeaderTimeout,
        idleTimeout: Duration = HTTPLimits.defaultIdleTimeout,
        bodyTimeout: Duration = HTTPLimits.defaultBodyTimeout,
        acceptsChunkedBodies: Bool = HTTPLimits.defaultAcceptsChunkedBodies
    ) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderSectionBytes = maxHeaderSectionBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
        self.maxConnections = maxConnections
        self.maxConnectionsPerAddress = maxConnectionsPerAddress
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
        self.bodyTimeout = bodyTimeout
        self.acceptsChunkedBodies = acceptsChunkedBodies
    }
}
