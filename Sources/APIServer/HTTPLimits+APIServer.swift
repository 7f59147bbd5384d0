// Stage 2 · APIServer: the HTTP limits the API server serves with.
//
// Stage 1's server takes its caps from an `HTTPLimits` value (`HTTPLimits.swift`,
// `HTTPLimits+Timeouts.swift`); the API server passes its own, Kubernetes' numbers,
// without touching the server.

import HTTP

extension HTTPLimits {
    /// The API server's largest request body: 3 MiB, as Kubernetes' `MaxRequestBodyBytes`.
    ///
    /// etcd refuses values over about 1.5 MiB anyway; 3 MiB leaves room for a JSON patch
    /// and for the encoding overhead of a large object.
    public static let apiServerMaxBodyBytes = 3 * 1024 * 1024
    /// The API server's header timeout: Kubernetes' `ReadHeaderTimeout` of 32 s.
    public static let apiServerHeaderTimeout = Duration.seconds(32)
    /// The API server's idle timeout: Kubernetes' 90 s, which matches Go clients' own
    /// keep-alive idle timeout, so the two sides give up on an idle connection together.
    public static let apiServerIdleTimeout = Duration.seconds(90)

    /// The limits stage 2's API server serves with: 3 MiB bodies, chunked bodies decoded
    /// (curl and Python's client send them), and Kubernetes' own timeouts.
    public static let apiServer = HTTPLimits(
        maxBodyBytes: apiServerMaxBodyBytes,
        headerTimeout: apiServerHeaderTimeout,
        idleTimeout: apiServerIdleTimeout,
        acceptsChunkedBodies: true
    )
}
