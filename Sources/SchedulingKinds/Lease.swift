// Stage 4 · SchedulingKinds: a lock with a deadline, kept in the API server (coordination.k8s.io/v1 `Lease`).
//
// Two things in a cluster use leases. A component that must run once (the scheduler,
// later the controller manager) runs one copy per control-plane machine, and the copies
// elect a leader by holding `kube-system/kube-scheduler`: only the holder works, and
// when it stops renewing, another takes over. And every kubelet renews a lease named
// after its node in `kube-node-lease`, a cheap heartbeat that the node lifecycle
// controller (stage 5) watches instead of the node's whole status.

import API
import APIMachinery

/// A lease; `kubectl get lease -n kube-system` shows who holds each.
public struct Lease: Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: LeaseSpec

    public init(apiVersion: String = "coordination.k8s.io/v1", kind: String = "Lease", metadata: ObjectMeta = ObjectMeta(),
                spec: LeaseSpec = LeaseSpec()) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.spec = spec
    }
}

extension Lease: APIFields {
    public static let zero = Lease(apiVersion: "", kind: "")
    public static let fields: [JSONField<Lease>] = [
        .omitEmpty("apiVersion", \.apiVersion, "The version of the API the object is written in: coordination.k8s.io/v1."),
        .omitEmpty("kind", \.kind, "The kind of object: Lease."),
        .structure("metadata", \.metadata, "The lease's name, namespace and bookkeeping."),
        .structure("spec", \.spec, "Who holds the lease and when they last renewed it."),
    ]
}

extension Lease: APIObject {
    /// `/apis/coordination.k8s.io/v1/namespaces/{ns}/leases`; `kubectl get leases`.
    public static let resource = Resource(group: "coordination.k8s.io", kind: "Lease", plural: "leases", scope: .namespaced)
}

public typealias LeaseList = List<Lease>

extension Lease {
    /// The namespace of the kubelets' node leases, one per node, named after it.
    public static let nodeLeaseNamespace = "kube-node-lease"
}
