// Stage 1 · API: the pod, Kubernetes' unit of scheduling and running (core/v1 `Pod`).
//
// A pod is desired state (`spec`: which containers, with what) plus observed state
// (`status`: what the kubelet saw). People and controllers write the spec; only the
// kubelet writes the status. In stage 1 pods come from manifest files; from stage 2
// they come from the API server.

/// A group of containers that run together on one node; the kubelet runs it, the
/// scheduler places it, controllers create it.
public struct Pod: Sendable, Hashable {
    // Each field's meaning is its description in the field table below (what `kubectl explain` prints).
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: PodSpec
    public var status: PodStatus

    /// Makes a pod; `apiVersion` and `kind` default to `v1` and `Pod`, which code that
    /// builds pods wants (a decoded pod keeps what its text said, even "").
    public init(
        apiVersion: String = "v1", kind: String = "Pod", metadata: ObjectMeta = ObjectMeta(),
        spec: PodSpec = PodSpec(), status: PodStatus = PodStatus()
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

extension Pod: APIFields {
    public static let typeDescription = "A group of containers that run together on one node, sharing its network and volumes: the unit that Kubernetes schedules and runs."
    public static let zero = Pod(apiVersion: "", kind: "")
    public static let fields: [JSONField<Pod>] = [
        .omitEmpty("apiVersion", \.apiVersion, "The version of the API the object is written in: v1."),
        .omitEmpty("kind", \.kind, "The kind of object: Pod."),
        // Structs: always written, whatever `omitempty` says (see OmitEmpty.swift).
        .structure("metadata", \.metadata, "The pod's name, namespace, labels, annotations and bookkeeping."),
        .structure("spec", \.spec, "What should run: the containers, their volumes, and where and how they run."),
        .structure("status", \.status, "What the kubelet last observed of the pod; read-only for users."),
    ]
}
