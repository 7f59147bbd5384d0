// Stage 4 · SchedulingKinds: the scheduler's decision, as it is sent (core/v1 `Binding`).
//
// The scheduler never edits a pod to place it. It creates a Binding, through the pod's
// `binding` subresource (`POST /api/v1/namespaces/{ns}/pods/{name}/binding`), naming the
// pod in `metadata` and the node in `target`; the API server turns that into the pod's
// `spec.nodeName`, and refuses with 409 Conflict when the pod is already bound. A
// Binding is never stored: it is a request, like an Eviction.

import API
import APIMachinery
import ClusterKinds

/// A request to put the pod named in `metadata` on the node named in `target`; sent by
/// the scheduler's binder, applied by the API server's `pods/binding`.
public struct Binding: Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    /// The pod's name and namespace, and its uid when the binder knows it (a uid that
    /// no longer matches means the pod was deleted and made again: the binding is refused).
    public var metadata: ObjectMeta
    /// The node: `{"apiVersion": "v1", "kind": "Node", "name": "node2"}`.
    public var target: ObjectReference

    public init(apiVersion: String = "v1", kind: String = "Binding", metadata: ObjectMeta = ObjectMeta(),
                target: ObjectReference = ObjectReference()) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.target = target
    }

    /// The binding of `pod` (its namespace, name and uid) to the node `nodeName`.
    public init(pod: Pod, nodeName: String) {
        self.init(
            metadata: ObjectMeta(name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid),
            target: ObjectReference(kind: "Node", name: nodeName, apiVersion: "v1"))
    }
}

extension Binding: APIFields {
    public static let zero = Binding(apiVersion: "", kind: "")
    public static let fields: [JSONField<Binding>] = [
        .omitEmpty("apiVersion", \.apiVersion, "The version of the API the object is written in: v1."),
        .omitEmpty("kind", \.kind, "The kind of object: Binding."),
        .structure("metadata", \.metadata, "The pod to bind: its name, namespace and uid."),
        .structure("target", \.target, "The node to bind the pod to; kind Node, and its name."),
    ]
}
