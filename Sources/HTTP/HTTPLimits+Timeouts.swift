// Stage 1 · HTTP: the server's time limits, and why a server needs them.
//
// Size limits stop a client from making the server hold too many bytes; time limits stop
// it from holding a connection for too long while sending too few. Without them a
// "slow loris" opens connections, sends a request head a byte a minute, and soon owns
// every one of `maxConnections`. So a connection lives by three clocks:
//
//     opened ──headerTimeout──▶ head complete ──bodyTimeout──▶ request complete ─▶ handler
//                                                                                    │
//     first byte of the next request ◀──idleTimeout── response written ◀─────────────┘
//       └──headerTimeout──▶ head complete ──▶ …
//
// The idle clock runs only while the server waits for a new request; it never runs while
// a response streams (a watch, `kubectl logs -f`), because then the server is writing, not
// waiting to read. This is the model of Go's `http.Server` (ReadHeaderTimeout and
// IdleTimeout), which Kubernetes' API server uses. Stage 1's kubelet takes the defaults
// below; stage 2's API server takes Kubernetes' own (`HTTPLimits+APIServer.swift`).

extension HTTPLimits {
    /// Time to send a request head in stage 1's servers (the kubelet); long for any real client.
    public static let defaultHeaderTimeout = Duration.seconds(10)
    /// Time a kept-alive connection may sit unused between requests in stage 1's servers.
    public static let defaultIdleTimeout = Duration.seconds(60)
    /// Time to send a request body once its head has arrived.
    ///
    /// A minute, like the API server's default `--request-timeout`: a 3 MiB body that
    /// takes longer than that is far more likely an attack than a client.
    public static let defaultBodyTimeout = Duration.seconds(60)
    /// Stage 1's kubelet takes no request bodies worth streaming, and answers chunked ones 501.
    public static let defaultAcceptsChunkedBodies = false
}
