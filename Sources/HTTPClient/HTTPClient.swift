// Stage 2 · HTTPClient: the HTTP client the cluster's components use to talk to the API server.
//
// In Kubernetes nothing talks to the store but the API server; the kubelet, the scheduler,
// the controllers and the tests all talk to the API server, over HTTP, through a client.
// This is that client's transport: it sends one request and returns the response.
//
//     let client = try HTTPClient(baseURL: "http://127.0.0.1:6443")
//     let response = try await client.send(HTTPClientRequest(method: "GET", target: "/api/v1/pods"))
//
// What it does for its callers:
//   - keeps connections alive and reuses them (`HTTPConnectionPool`), so a component that
//     polls does not pay a TCP handshake per request;
//   - decodes `Content-Length`, chunked, and until-close bodies (`HTTPResponseParser`);
//   - bounds every exchange by a timeout, so a hung server cannot hang a controller;
//   - streams a body piece by piece (`stream`, in HTTPClient+Streaming.swift), for watches
//     and `logs -f`.
// Every socket is non-blocking and awaited, so a thousand watches cost no threads.
//
// `HTTPClient` is a value; copies share one pool, so a component may hand its client to
// each of its tasks.

import HTTP

/// An HTTP/1.1 client for one server, shared by a component's tasks; see `send` and `stream`.
public struct HTTPClient: Sendable {
    /// How long an exchange may take when the request names no timeout of its own.
    public static let defaultTimeout = Duration.seconds(30)
    /// How many idle connections are kept for reuse (Go's `MaxIdleConnsPerHost` is 2; the
    /// kubelet's few concurrent requests fit in 4).
    public static let defaultMaxIdleConnections = 4
    /// The largest body `send` collects; a list of every object in a small cluster fits many
    /// times over. Larger responses should be streamed.
    public static let maxResponseBodyBytes = 64 * 1024 * 1024

    /// The server every request goes to; its target is ignored (requests carry their own).
    public let baseURL: HTTPURL
    /// The timeout of requests that do not set one.
    public let timeout: Duration
    /// The bearer token sent as `Authorization: Bearer …` with every request that has no
    /// `Authorization` of its own: how a component proves to the API server who it is.
    public let bearerToken: String?
    let pool: HTTPConnectionPool

    public init(
        baseURL: HTTPURL,
        timeout: Duration = HTTPClient.defaultTimeout,
        maxIdleConnections: Int = HTTPClient.defaultMaxIdleConnections,
        bearerToken: String? = nil
    ) {
        self.baseURL = baseURL
        self.timeout = timeout
        self.bearerToken = bearerToken
        self.pool = HTTPConnectionPool(capacity: maxIdleConnections)
    }

    /// A client for the server at `baseURL`, such as `http://127.0.0.1:6443`.
    public init(
        baseURL: String,
        timeout: Duration = HTTPClient.defaultTimeout,
        maxIdleConnections: Int = HTTPClient.defaultMaxIdleConnections,
        bearerToken: String? = nil
    ) throws(HTTPClientError) {
        self.init(baseURL: try HTTPURL(baseURL), timeout: timeout, maxIdleConnections: maxIdleConnections, bearerToken: bearerToken)
    }

    /// The number of kept-alive connections waiting for a request now.
    public var idleConnectionCount: Int { pool.idleCount }

    /// Sends `request` and returns the whole response, any status; throws `HTTPClientError`
    /// (refused, timed out, closed, malformed) when no response could be had.
    public func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        try await Self.withTimeout(request.timeout ?? timeout) { [self] in
            var exchange = try await start(request)
            var body: [UInt8] = []
            do {
                while let piece = try await exchange.nextBodyPiece() {
                    body += piece
                    guard body.count <= Self.maxResponseBodyBytes else { throw HTTPClientError.responseTooLarge }
                }
            } catch {
                exchange.socket.close()
                throw error
            }
            exchange.finish(into: pool)
            return HTTPClientResponse(head: exchange.head, body: body)
        }
    }

    /// Closes the idle connections; requests still in flight finish on their own.
    public func closeIdleConnections() {
        pool.closeAll()
    }

    /// Sends the request, on a parked connection if one is alive, and reads the response head.
    ///
    /// A parked connection the server closed meanwhile fails before any response byte
    /// (`StaleConnection`); an idempotent request is then sent once more on a fresh
    /// connection. A POST is not: the server might have acted on it before closing.
    func start(_ request: HTTPClientRequest) async throws -> HTTPClientExchange {
        var request = request
        if let bearerToken, !request.headers.contains("Authorization") {
            request.headers.add(name: "Authorization", value: "Bearer \(bearerToken)")
        }
        let bytes = try request.encoded(authority: baseURL.authority)
        if let parked = pool.checkOut() {
            do {
                return try await HTTPClientExchange.start(bytes, method: request.method, on: parked)
            } catch is HTTPClientExchange.StaleConnection {
                parked.close()
                guard request.isIdempotent else { throw HTTPClientError.connectionClosed }
            } catch {
                parked.close()
                throw error
            }
        }
        let socket = try await Socket.connecting(to: baseURL.host, port: baseURL.port)
        do {
            return try await HTTPClientExchange.start(bytes, method: request.method, on: socket)
        } catch is HTTPClientExchange.StaleConnection {
            socket.close()
            throw HTTPClientError.connectionClosed
        } catch {
            socket.close()
            throw error
        }
    }

    /// Runs `operation`, throwing `HTTPClientError.timedOut` if it takes longer than `timeout`
    /// (the operation is cancelled, which closes its connection).
    static func withTimeout<T: Sendable>(
        _ timeout: Duration,
        _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask(operation: operation)
            group.addTask {
                try await Task.sleep(for: timeout)
                throw HTTPClientError.timedOut(after: timeout)
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }
}
