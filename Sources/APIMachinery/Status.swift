// Stage 2 · APIMachinery: the answer to a request that returns no object (meta/v1 `Status`).
//
// Every error the API server returns is a `Status` in the body, with the HTTP code
// repeated in `code`:
//
//     {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
//      "message": "pods \"web\" not found", "reason": "NotFound",
//      "details": {"name": "web", "kind": "pods"}, "code": 404}
//
// kubectl prints `Error from server (NotFound): pods "web" not found` from it, and the
// Python client raises `ApiException` with it. A successful DELETE may answer with a
// Success status too. `metadata` is a struct, so it is always written (`{}`).
// The factories that make each error, with Kubernetes' exact wording, are in
// `Status+Errors.swift`; `Status` is a Swift `Error`, so the API server can throw one.

import API

/// The result of an operation that returns no object, above all every error; made by
/// the API server, read by kubectl, the Python client and this series' own client.
public struct Status: Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    /// List metadata, normally empty.
    public var metadata: ListMeta
    /// Success or Failure; nil is Go's "".
    public var status: StatusResult?
    /// A human-readable description, such as `pods "web" not found`.
    public var message: String
    /// A machine-readable reason, such as `NotFound`.
    public var reason: StatusReason
    /// The object concerned and the individual causes, when known.
    public var details: StatusDetails?
    /// The HTTP status code; 0 when not set.
    public var code: Int32

    /// Makes a status; `apiVersion` and `kind` default to `v1` and `Status`.
    public init(
        apiVersion: String = "v1", kind: String = "Status", metadata: ListMeta = ListMeta(),
        status: StatusResult? = nil, message: String = "", reason: StatusReason = .unknown,
        details: StatusDetails? = nil, code: Int32 = 0
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.status = status
        self.message = message
        self.reason = reason
        self.details = details
        self.code = code
    }
}

extension Status: APIFields {
    public static let zero = Status(apiVersion: "", kind: "")
    public static let fields: [JSONField<Status>] = [
        .omitEmpty("apiVersion", \.apiVersion),
        .omitEmpty("kind", \.kind),
        .structure("metadata", \.metadata),
        .member("status", \.status),
        .omitEmpty("message", \.message),
        .omitEmpty("reason", \.reason),
        .pointer("details", \.details),
        .omitEmpty("code", \.code),
    ]
}
