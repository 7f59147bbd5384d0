// Stage 2 · HTTP: the status stage 2's server answers a client too slow to send its request.
//
// Stage 1's constants live in `HTTPStatus.swift`; a later stage adds its own here rather
// than editing that list, so `stages diff 1 2` shows exactly which codes stage 2 brought.
// The clocks that send it are in HTTPConnection+Timeouts.swift.

extension HTTPStatus {
    /// 408: the client did not finish sending its request in time (the server's timeouts).
    public static let requestTimeout = HTTPStatus(code: 408, reason: "Request Timeout")
}
