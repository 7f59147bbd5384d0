// Stage 4 · SchedulingKinds: a named priority for pods (scheduling.k8s.io/v1 `PriorityClass`).
//
// A pod says how much it matters by naming a class (`spec.priorityClassName`); the API
// server copies the class's `value` into the pod's `spec.priority` when the pod is
// created (Kubernetes' Priority admission), and from then on the scheduler reads only
// the number: higher goes first in its queue, and a higher pod that fits nowhere may
// evict lower ones (preemption), unless its `preemptionPolicy` is `Never`. One class may
// be the `globalDefault`, for pods that name none; without one their priority is 0.
// Two classes come with every cluster: `system-cluster-critical` (2000000000) and
// `system-node-critical` (2000001000).

import API
import APIMachinery

/// A priority class; created with `kubectl create priorityclass`, read by the API server
/// when a pod names it.
public struct PriorityClass: Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    /// The priority of pods of this class; user classes at most 1000000000.
    public var value: Int32
    /// True for the one class that pods naming no class get.
    public var globalDefault: Bool
    /// What the class is for, in words.
    public var description: String
    /// `PreemptLowerPriority` (the default) or `Never`.
    public var preemptionPolicy: PreemptionPolicy?

    public init(
        apiVersion: String = "scheduling.k8s.io/v1", kind: String = "PriorityClass", metadata: ObjectMeta = ObjectMeta(),
        value: Int32 = 0, globalDefault: Bool = false, description: String = "", preemptionPolicy: PreemptionPolicy? = nil
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.value = value
        self.globalDefault = globalDefault
        self.description = description
        self.preemptionPolicy = preemptionPolicy
    }
}

extension PriorityClass: APIFields {
    public static let zero = PriorityClass(apiVersion: "", kind: "")
    public static let fields: [JSONField<PriorityClass>] = [
        .omitEmpty("apiVersion", \.apiVersion, "The version of the API the object is written in: scheduling.k8s.io/v1."),
        .omitEmpty("kind", \.kind, "The kind of object: PriorityClass."),
        .structure("metadata", \.metadata, "The class's name and bookkeeping; priority classes are cluster-wide."),
        .always("value", \.value, "The priority of pods of this class: the higher, the sooner scheduled."),
        .omitEmpty("globalDefault", \.globalDefault, "True for the class of pods that name none; at most one class."),
        .omitEmpty("description", \.description, "What the class is for."),
        .member("preemptionPolicy", \.preemptionPolicy, "PreemptLowerPriority (the default) or Never."),
    ]
}

extension PriorityClass: APIObject {
    /// `/apis/scheduling.k8s.io/v1/priorityclasses`, cluster-wide; `kubectl get pc`.
    public static let resource = Resource(
        group: "scheduling.k8s.io", kind: "PriorityClass", plural: "priorityclasses", scope: .cluster, shortNames: ["pc"])
}

public typealias PriorityClassList = List<PriorityClass>
