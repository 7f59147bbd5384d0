// Stage 2 · Client: the kinds of object the client can read and write, and their lists.
//
// `APIClient`'s calls are generic: `client.get(Pod.self, namespace: "default", name: "web")`
// returns a `Pod`, `client.list(Node.self)` a `NodeList`. What makes that work is this
// pair of protocols: each kind says which `Resource` it lives in and which list type
// the API server answers a list with. The API module's types conform here, in the
// client, because only the client needs to know their URLs.

import API
import ClusterKinds

/// An object the API server stores (Pod, Node, Event, Namespace); conforming types can be
/// passed to every `APIClient` call.
public protocol APIObject: Codable, Sendable {
    /// The list kind that a list of these decodes as, such as `PodList`.
    associatedtype List: APIObjectList where List.Item == Self
    /// Where objects of this kind live in the API.
    static var resource: Resource { get }
    /// The object's metadata: its name, namespace, resourceVersion.
    var metadata: ObjectMeta { get set }
}

/// A list the API server returns (`PodList`, …): items and the list's resourceVersion.
public protocol APIObjectList: Codable, Sendable {
    /// The kind of item.
    associatedtype Item
    /// The objects listed.
    var items: [Item] { get }
    /// The list's metadata, above all the resourceVersion it was read at (the place a
    /// watch starts from, in stage 3).
    var metadata: ListMeta { get }
}

extension Pod: APIObject {
    /// Pods: `/api/v1/namespaces/{ns}/pods`.
    public static var resource: Resource { .pods }
    /// A list of these is a `PodList`.
    public typealias List = PodList
}

extension Node: APIObject {
    /// Nodes: `/api/v1/nodes`.
    public static var resource: Resource { .nodes }
    /// A list of these is a `NodeList`.
    public typealias List = NodeList
}

extension Event: APIObject {
    /// Events: `/api/v1/namespaces/{ns}/events`.
    public static var resource: Resource { .events }
    /// A list of these is a `EventList`.
    public typealias List = EventList
}

extension Namespace: APIObject {
    /// Namespaces: `/api/v1/namespaces`.
    public static var resource: Resource { .namespaces }
    /// A list of these is a `NamespaceList`.
    public typealias List = NamespaceList
}

extension PodList: APIObjectList {
    /// A `PodList` holds `Pod`s.
    public typealias Item = Pod
}
extension NodeList: APIObjectList {
    /// A `NodeList` holds `Node`s.
    public typealias Item = Node
}
extension EventList: APIObjectList {
    /// A `EventList` holds `Event`s.
    public typealias Item = Event
}
extension NamespaceList: APIObjectList {
    /// A `NamespaceList` holds `Namespace`s.
    public typealias Item = Namespace
}
