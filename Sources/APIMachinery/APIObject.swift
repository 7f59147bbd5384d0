// Stage 2 · APIMachinery: the objects the API serves, each tied to its resource.
//
// Every kind the cluster stores (Pod, Node, Namespace, Event; Deployment in stage 5)
// conforms to `APIObject`, in one place, by naming its `Resource`. That is all the
// client needs for `client.get(Pod.self, …)` and all the API server needs to store and
// route a kind; what the server does with it beyond that is the kind's strategy.

import API

/// An object of a kind the API serves; every `APIClient` call and the API server's
/// storage are generic over it.
public protocol APIObject: Codable, Sendable, Hashable {
    /// The kind's place in the API: group, version, resource, scope, short names.
    static var resource: Resource { get }
    var apiVersion: String { get set }
    var kind: String { get set }
    var metadata: ObjectMeta { get set }
}

extension List where Item: APIObject {
    /// Makes a list of `Item`s, with the kind and version its resource gives: `NodeList`, `v1`.
    public init(metadata: ListMeta = ListMeta(), items: [Item] = []) {
        self.init(apiVersion: Item.resource.groupVersion, kind: Item.resource.listKind, metadata: metadata, items: items)
    }
}
