// Stage 2 · ClusterKinds: a request to evict a pod (policy/v1 `Eviction`).
//
// An eviction is a delete that asks first: `kubectl drain` posts one for each pod of
// the node to `POST …/pods/{name}/eviction`, and the API server deletes the pod unless
// a PodDisruptionBudget forbids it (stage 5 brings budgets; until then every eviction is
// allowed). It is never stored: it names the pod and carries the delete's options.

import API
import APIMachinery

/// A pod's eviction; sent by `kubectl drain`, read by `PodEvictionSubresource`.
public struct Eviction: Sendable, Hashable {
    /// `policy/v1` (kubectl 1.22 and later) or `policy/v1beta1`.
    public var apiVersion: String
    public var kind: String
    /// The pod's name and namespace.
    public var metadata: ObjectMeta
    /// How to delete the pod (grace period, preconditions, dryRun).
    public var deleteOptions: DeleteOptions?

    public init(apiVersion: String = "policy/v1", kind: String = "Eviction", metadata: ObjectMeta = ObjectMeta(),
                deleteOptions: DeleteOptions? = nil) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.deleteOptions = deleteOptions
    }
}

extension Eviction: APIFields {
    public static let zero = Eviction(apiVersion: "", kind: "")
    public static let fields: [JSONField<Eviction>] = [
        .omitEmpty("apiVersion", \.apiVersion),
        .omitEmpty("kind", \.kind),
        .structure("metadata", \.metadata),
        .pointer("deleteOptions", \.deleteOptions),
    ]
}
