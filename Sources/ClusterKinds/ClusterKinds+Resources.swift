// Stage 2 · ClusterKinds: the resources nodes, namespaces and events are served as.
//
// Each kind's one description (see `Resource.swift`), and the names of their lists. A
// kind added in a later stage writes its `APIObject` conformance in its own type file;
// these three sit apart only because their type files came first.

import API
import APIMachinery

extension Node: APIObject {
    /// `/api/v1/nodes`, cluster-wide; `kubectl get no`.
    public static let resource = Resource(kind: "Node", plural: "nodes", scope: .cluster, shortNames: ["no"])
}

extension Namespace: APIObject {
    /// `/api/v1/namespaces`, cluster-wide; `kubectl get ns`.
    public static let resource = Resource(kind: "Namespace", plural: "namespaces", scope: .cluster, shortNames: ["ns"])
}

extension Event: APIObject {
    /// `/api/v1/namespaces/{ns}/events`; `kubectl get ev`.
    public static let resource = Resource(kind: "Event", plural: "events", scope: .namespaced, shortNames: ["ev"])
}

public typealias NodeList = List<Node>
public typealias NamespaceList = List<Namespace>
public typealias EventList = List<Event>

extension PatchSchema {
    /// A kind whose only lists to merge are its metadata's (finalizers, owner
    /// references): the default for a kind that declares no schema of its own.
    public static let metadataOnly = PatchSchema(objectMeta)
}
