// Stage 1 · HTTP: the status the server answers a client too slow to send its request.
//
// The clocks that send it are in HTTPConnection+Timeouts.swift.

extension HTTPStatus {
    /// 408: the client did not finish sending its request in time (the server's timeouts).
    public static let requestTimeout = HTTPStatus(code: 408, reason: "Request Timeout")
}
