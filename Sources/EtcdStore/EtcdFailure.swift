// Stage 3 · EtcdStore: why a call to etcd failed, before the store says what it means.
//
// The client reports two kinds of failure. etcd may answer and refuse (a compacted
// revision, a request too large, no leader): the gateway sends HTTP 400 with a gRPC code
// and etcd's own message. Or no member may answer at all (every connection refused,
// timed out, or closed mid-answer). The store turns each into the `StorageError` or
// `HistoryError` its callers handle, and every message names the member(s) involved, so
// that an operator reading the API server's log knows which etcd to look at.

import Storage

/// A failed call to etcd, as `EtcdClient` reports it to `EtcdStore`.
enum EtcdFailure: Error, Sendable, CustomStringConvertible {
    /// etcd answered with an error: its gRPC `code` and `message`, from the member at `endpoint`.
    case refused(code: Int, message: String, endpoint: String)
    /// No member gave an answer; `attempts` says what happened at each, newest last.
    case unreachable(attempts: [String])

    /// gRPC's code for "try again, perhaps elsewhere" (no leader, member stopping, timeout).
    static let unavailableCode = 14
    /// gRPC's code for "out of range": etcd's compacted and future revisions.
    static let outOfRangeCode = 11

    var description: String {
        switch self {
        case .refused(let code, let message, let endpoint):
            "etcd at \(endpoint) refused the request: \(message) (code \(code))"
        case .unreachable(let attempts):
            "no etcd member answered: " + attempts.joined(separator: "; ")
        }
    }

    /// etcd's refusal says the revision asked for has been compacted away.
    var isCompacted: Bool {
        if case .refused(_, let message, _) = self { return message.contains("has been compacted") }
        return false
    }

    /// etcd's refusal says the revision asked for is not reached yet.
    var isFutureRevision: Bool {
        if case .refused(_, let message, _) = self { return message.contains("future revision") }
        return false
    }

    /// etcd's refusal says the request is over its `--max-request-bytes`.
    var isTooLarge: Bool {
        if case .refused(_, let message, _) = self { return message.contains("request is too large") }
        return false
    }

    /// The failure as the store contract reports failures of the store itself.
    var storageError: StorageError {
        .unavailable(reason: description)
    }
}
