// Stage 3 · EtcdStore: etcd's v3 JSON gateway over the project's own HTTP client, with failover.
//
// etcd's native API is gRPC over HTTP/2; every member also serves the same API as JSON
// over plain HTTP/1.1 (the "gRPC gateway"), every call a `POST` of a JSON body to a path
// such as `/v3/kv/range`. That is what this client speaks, with stage 2's `HTTPClient`,
// so the series still imports nothing: the learner can watch the same calls with curl.
//
// A cluster has several members, and any of them serves any request (a member that is
// not the leader forwards writes to it). The client is given all their URLs and sends
// each request to the member that answered last. When that member cannot be reached it
// tries the next, round after round for up to `EtcdLimits.failoverPatience`, which rides
// out a killed member and the election of a new leader. What may be retried follows
// etcd's own client: a read may be sent twice, so any failure moves it on; a write moves
// on only when it surely was not applied (the connection was refused, or etcd said it has
// no leader). A write whose answer was lost is reported, not repeated: repeating a
// create that did happen would report "already exists" for the caller's own write.

import Common
import Foundation
import HTTP
import HTTPClient
import Synchronization

/// A client of an etcd cluster's JSON gateway; `EtcdStore` makes one and calls it.
final class EtcdClient: Sendable {
    /// Whether a failed request may be sent again, to the same or another member.
    enum Retry {
        /// A read: any failure may be retried.
        case always
        /// A write: only if etcd surely did not apply it.
        case ifNotApplied
    }

    /// One member: its URL as configured, and a client with its own connection pool.
    struct Endpoint: Sendable {
        let url: String
        let http: HTTPClient
    }

    let endpoints: [Endpoint]
    private let logger: Logger
    /// How long a request keeps trying the members (`EtcdLimits.failoverPatience`).
    let patience: Duration
    /// The index of the member that answered last; requests start there.
    private let preferred = Mutex(0)

    /// A client of the members at `urls` (`http://host:port`); throws for a malformed URL.
    init(endpoints urls: [String], patience: Duration, logger: Logger) throws(HTTPClientError) {
        var endpoints: [Endpoint] = []
        for url in urls {
            let http = try HTTPClient(
                baseURL: url, timeout: EtcdLimits.requestTimeout, maxIdleConnections: EtcdLimits.idleConnectionsPerEndpoint)
            endpoints.append(Endpoint(url: url, http: http))
        }
        self.endpoints = endpoints
        self.patience = patience
        self.logger = logger
    }

    /// The members' URLs, for messages.
    var urls: [String] { endpoints.map(\.url) }

    /// Posts `body` to `path` (such as `/v3/kv/range`) and decodes the answer.
    func call<Response: Decodable>(
        _ path: String, _ body: some Encodable, as: Response.Type, retry: Retry
    ) async throws(EtcdFailure) -> Response {
        let bytes: [UInt8]
        do {
            bytes = Array(try Self.encoder.encode(body))
        } catch {
            preconditionFailure("etcd request \(path) does not encode: \(error)")  // Our own types; cannot happen.
        }
        let request = HTTPClientRequest(
            method: "POST", target: path, headers: ["Content-Type": "application/json"], body: bytes)
        let response = try await withFailover(retry: retry) { endpoint throws(Attempt) in
            do {
                return try await endpoint.http.send(request)
            } catch let error as HTTPClientError {
                throw Attempt(error, retry: retry)
            } catch {
                throw Attempt(message: "\(error)", retryable: retry == .always)
            }
        } check: { endpoint, response throws(Attempt) in
            try Self.check(response.status, response.body, from: endpoint, retry: retry)
        }
        do {
            return try Self.decoder.decode(Response.self, from: response.value.data)
        } catch {
            throw .unreachable(attempts: ["\(response.endpoint): an answer to \(path) that is not etcd's JSON: \(error)"])
        }
    }

    /// Opens a watch stream: the answer's lines, one JSON message each, and who serves it.
    func openWatch(
        _ body: EtcdWatchRequest
    ) async throws(EtcdFailure) -> (endpoint: String, lines: HTTPLineSequence<AsyncThrowingStream<[UInt8], Error>>) {
        let bytes: [UInt8]
        do {
            bytes = Array(try Self.encoder.encode(body))
        } catch {
            preconditionFailure("etcd watch request does not encode: \(error)")
        }
        // `hasleader` (gRPC metadata, which the gateway takes from `Grpc-Metadata-` headers)
        // asks the member to cancel the watch when it loses its leader, as Kubernetes'
        // watches do (`clientv3.WithRequireLeader`): a member cut off from the others
        // would otherwise keep the stream open and silent, and the watcher would never know.
        let request = HTTPClientRequest(
            method: "POST", target: "/v3/watch",
            headers: ["Content-Type": "application/json", "Grpc-Metadata-Hasleader": "true"], body: bytes)
        let opened = try await withFailover(retry: .always) { endpoint throws(Attempt) in
            do {
                let (head, body) = try await endpoint.http.stream(request)
                return (head, body)
            } catch let error as HTTPClientError {
                throw Attempt(error, retry: .always)
            } catch {
                throw Attempt(message: "\(error)", retryable: true)
            }
        } check: { endpoint, opened throws(Attempt) in
            // A refusal comes as a short, whole body instead of a stream; not worth reading.
            try Self.check(opened.0.status, [], from: endpoint, retry: .always)
        }
        return (opened.endpoint, HTTPClient.lines(of: opened.value.1))
    }

    // MARK: Failover

    /// What went wrong at one member, and whether the next one may be asked.
    struct Attempt: Error {
        let message: String
        let retryable: Bool
        /// A refusal from etcd itself, reported as such when it is final.
        var refusal: (code: Int, message: String)?

        init(message: String, retryable: Bool, refusal: (code: Int, message: String)? = nil) {
            self.message = message
            self.retryable = retryable
            self.refusal = refusal
        }

        /// A transport failure: refused and unreachable connections are never applied.
        init(_ error: HTTPClientError, retry: Retry) {
            switch error {
            case .connectionRefused, .connectionFailed: self.init(message: error.description, retryable: true)
            default: self.init(message: error.description, retryable: retry == .always)
            }
        }
    }

    /// Runs `attempt` on the preferred member, then the others in turn, in rounds, until one
    /// answers, one fails in a way that must not be retried, or the patience runs out.
    private func withFailover<Value: Sendable>(
        retry: Retry,
        _ attempt: (Endpoint) async throws(Attempt) -> Value,
        check: (String, Value) throws(Attempt) -> Void
    ) async throws(EtcdFailure) -> (endpoint: String, value: Value) {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: patience)
        var attempts: [String] = []
        var index = preferred.withLock { $0 }
        while true {
            for _ in endpoints.indices {
                let endpoint = endpoints[index]
                do throws(Attempt) {
                    let value = try await attempt(endpoint)
                    try check(endpoint.url, value)
                    preferred.withLock { $0 = index }
                    return (endpoint.url, value)
                } catch {
                    if let refusal = error.refusal, !error.retryable {
                        throw .refused(code: refusal.code, message: refusal.message, endpoint: endpoint.url)
                    }
                    attempts.append("\(endpoint.url): \(error.message)")
                    guard error.retryable else { throw .unreachable(attempts: attempts) }
                    // Said once per member, not once per round, or an etcd that is down floods the log.
                    if attempts.count <= endpoints.count {
                        logger.warning("etcd member failed, trying the next", ["endpoint": endpoint.url, "error": error.message])
                    }
                }
                index = (index + 1) % endpoints.count
            }
            guard clock.now < deadline, !Task.isCancelled else { throw .unreachable(attempts: Array(attempts.suffix(endpoints.count))) }
            try? await Task.sleep(for: EtcdLimits.failoverPause)
        }
    }

    /// Accepts a 200; turns etcd's `{"error","message","code"}` answer into an `Attempt`.
    private static func check(_ status: HTTPStatus, _ body: [UInt8], from endpoint: String, retry: Retry) throws(Attempt) {
        guard status != .ok else { return }
        guard let refusal = try? decoder.decode(GatewayError.self, from: Data(body)), let code = refusal.code else {
            throw Attempt(message: "HTTP \(status) from the gateway", retryable: retry == .always)
        }
        let message = refusal.message ?? refusal.error ?? "no message"
        // etcd's client retries a write on another member only when the leader is missing.
        let retryable = code == EtcdFailure.unavailableCode && (retry == .always || message.contains("no leader"))
        throw Attempt(message: "\(message) (code \(code))", retryable: retryable, refusal: (code, message))
    }

    /// The gateway's error body (gRPC's status as JSON).
    struct GatewayError: Decodable {
        var error: String?
        var message: String?
        var code: Int?
    }

    // MARK: JSON

    /// etcd's field names are snake_case; `Data` is base64, both coders' default.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
