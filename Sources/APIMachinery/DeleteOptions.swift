// Stage 2 · APIMachinery: how a client wants an object deleted (meta/v1 `DeleteOptions`).
//
// kubectl sends a body with every DELETE:
//
//     {"kind": "DeleteOptions", "apiVersion": "v1", "propagationPolicy": "Background"}
//
// and `kubectl delete --grace-period=0 --force` adds `"gracePeriodSeconds": 0`. The same
// options may also arrive as query parameters (`?gracePeriodSeconds=0`). Preconditions
// make the delete conditional: it fails with a Conflict if the stored object's uid or
// resourceVersion differ. `Preconditions` lives here because only deletes use it.

import API

/// The options of a DELETE; sent by kubectl and the Python client, read by the API
/// server (grace period, preconditions) and the garbage collector (propagation).
public struct DeleteOptions: Sendable, Hashable {
    /// The API version; `v1` (kubectl sends it; "" when the body had none).
    public var apiVersion: String
    public var kind: String
    /// Seconds to wait before the object is really gone; 0 means now, nil the default.
    public var gracePeriodSeconds: Int64?
    /// Conditions the stored object must meet, or the delete fails with a Conflict.
    public var preconditions: Preconditions?
    /// Deprecated predecessor of `propagationPolicy`: true orphans the dependents.
    public var orphanDependents: Bool?
    /// What happens to the objects this one owns.
    public var propagationPolicy: DeletionPropagation?
    /// `["All"]` to go through every step without persisting anything.
    public var dryRun: [String]

    /// Makes delete options; `apiVersion` and `kind` default to `v1` and `DeleteOptions`.
    public init(
        apiVersion: String = "v1", kind: String = "DeleteOptions", gracePeriodSeconds: Int64? = nil,
        preconditions: Preconditions? = nil, orphanDependents: Bool? = nil,
        propagationPolicy: DeletionPropagation? = nil, dryRun: [String] = []
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.gracePeriodSeconds = gracePeriodSeconds
        self.preconditions = preconditions
        self.orphanDependents = orphanDependents
        self.propagationPolicy = propagationPolicy
        self.dryRun = dryRun
    }
}

extension DeleteOptions: APIFields {
    public static let zero = DeleteOptions(apiVersion: "", kind: "")
    public static let fields: [JSONField<DeleteOptions>] = [
        .omitEmpty("apiVersion", \.apiVersion),
        .omitEmpty("kind", \.kind),
        .pointer("gracePeriodSeconds", \.gracePeriodSeconds),
        .pointer("preconditions", \.preconditions),
        .pointer("orphanDependents", \.orphanDependents),
        .member("propagationPolicy", \.propagationPolicy),
        .omitEmpty("dryRun", \.dryRun),
    ]
}

/// What the stored object must match for an operation to go ahead (meta/v1
/// `Preconditions`); checked by the API server on DELETE.
public struct Preconditions: Sendable, Hashable {
    /// The uid the object must have.
    public var uid: String?
    /// The resourceVersion the object must have.
    public var resourceVersion: String?

    public init(uid: String? = nil, resourceVersion: String? = nil) {
        self.uid = uid
        self.resourceVersion = resourceVersion
    }
}

extension Preconditions: APIFields {
    public static let zero = Preconditions()
    public static let fields: [JSONField<Preconditions>] = [
        .pointer("uid", \.uid),
        .pointer("resourceVersion", \.resourceVersion),
    ]
}
