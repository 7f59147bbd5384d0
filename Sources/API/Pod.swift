// Stage 1 · API: the pod, Kubernetes' unit of scheduling and running (core/v1 `Pod`).
//
// A pod is desired state (`spec`: which containers, with what) plus observed state
// (`status`: what the kubelet saw). People and controllers write the spec; only the
// kubelet writes the status. In stage 1 pods come from manifest files; from stage 2
// they come from the API server.

/// A group of containers that run together on one node; the kubelet runs it, the
/// scheduler places it, controllers create it.
public struct Pod: Sendable, Hashable, Codable {
    /// The API version; `v1` for pods.
    public var apiVersion: String
    /// The kind; `Pod`.
    public var kind: String
    /// Name, namespace, labels and the rest of the identity.
    public var metadata: ObjectMeta
    /// What should run.
    public var spec: PodSpec
    /// What the kubelet observes.
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

    private enum CodingKeys: String, CodingKey { case apiVersion, kind, metadata, spec, status }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        apiVersion = try c.decode(.apiVersion, or: "")
        kind = try c.decode(.kind, or: "")
        metadata = try c.decode(.metadata, or: ObjectMeta())
        spec = try c.decode(.spec, or: PodSpec())
        status = try c.decode(.status, or: PodStatus())
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(apiVersion, forKey: .apiVersion)
        try c.encodeUnlessEmpty(kind, forKey: .kind)
        // Structs: always written, whatever `omitempty` says (see OmitEmpty.swift).
        try c.encode(metadata, forKey: .metadata)
        try c.encode(spec, forKey: .spec)
        try c.encode(status, forKey: .status)
    }
}
