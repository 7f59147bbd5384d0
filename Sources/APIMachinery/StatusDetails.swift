// Stage 2 · APIMachinery: what a failure was about (meta/v1 `StatusDetails`).
//
// Which object (name, group, and — a Kubernetes quirk — the *resource* in `kind` for
// most errors: `"kind": "pods"` for a 404, but the real kind `"Pod"` for a 422), the
// individual causes, and when to retry. Every field is `omitempty`.

import API

/// The particulars of a `Status`; filled in by the API server's error factories, read by
/// clients (kubectl prints the causes of an Invalid error).
public struct StatusDetails: Sendable, Hashable {
    /// The name of the object concerned.
    public var name: String
    /// The API group of the object concerned; "" for the core group.
    public var group: String
    /// The resource (`pods`) or kind (`Pod`) concerned, depending on the error.
    public var kind: String
    /// The uid of the object concerned.
    public var uid: String
    /// The individual problems, for Invalid errors.
    public var causes: [StatusCause]
    /// Seconds a client should wait before retrying; 0 when not given.
    public var retryAfterSeconds: Int32

    /// Makes details; every field defaults to Go's zero value.
    public init(
        name: String = "", group: String = "", kind: String = "", uid: String = "", causes: [StatusCause] = [],
        retryAfterSeconds: Int32 = 0
    ) {
        self.name = name
        self.group = group
        self.kind = kind
        self.uid = uid
        self.causes = causes
        self.retryAfterSeconds = retryAfterSeconds
    }
}

extension StatusDetails: APIFields {
    public static let zero = StatusDetails()
    public static let fields: [JSONField<StatusDetails>] = [
        .omitEmpty("name", \.name),
        .omitEmpty("group", \.group),
        .omitEmpty("kind", \.kind),
        .omitEmpty("uid", \.uid),
        .omitEmpty("causes", \.causes),
        .omitEmpty("retryAfterSeconds", \.retryAfterSeconds),
    ]
}
