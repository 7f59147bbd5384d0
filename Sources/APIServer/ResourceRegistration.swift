// Stage 2 · APIServer: one resource the API server serves, as its caller registers it.
//
// The API server has no list of resources of its own: the stage's `main` hands it one,
// a line per resource, naming the kind's strategy and the table of its subresources:
//
//   ResourceRegistration(PodStrategy.self, subresources: ["status": StatusSubresource(), "log": PodLogSubresource()])
//   ResourceRegistration(NodeStrategy.self)                      (status only, the default)
//
// Everything else is derived from the strategy's kind and its `Resource`: the routes
// (`/api/v1/…` for the core group, `/apis/{group}/{version}/…` for the others), the
// storage keys, the discovery entries and API groups, the field selectors, the patch
// schema and the table columns. One entry becomes several in discovery: the resource
// itself (`pods`, with its short names, categories and storage version hash) and one
// per subresource (`pods/log`, `pods/status`), with the parent's kind and scope, its
// own verbs and an empty singular name, exactly as a real API server lists them.

import API
import APIMachinery
import Storage

/// A resource to serve: its kind's strategy and its subresources; made by the
/// composition root, read by `APIServer.init` and `Discovery`.
public struct ResourceRegistration: Sendable {
    public let resource: Resource
    /// The verbs on the resource itself.
    public let verbs: [String]
    /// The verbs of each subresource, by name.
    public let subresourceVerbs: [String: [String]]
    /// The kinds of the subresources whose kind is not the parent's (`pods/eviction`).
    public let subresourceKinds: [String: SubresourceKind]
    /// Makes the endpoint over the server's store and watch.
    let makeEndpoint: @Sendable (any KeyValueStore, any WatchSource) -> any ResourceEndpoint
    /// Adds the kind's OpenAPI schemas, from its field tables (`OpenAPISchemas`).
    let addOpenAPISchemas: @Sendable (inout OpenAPISchemas) -> Void

    /// Registers `strategy`'s kind with `subresources` (by default `status` alone).
    public init<Strategy: RESTStrategy>(
        _ strategy: Strategy.Type, subresources: [String: any Subresource<Strategy>] = ["status": StatusSubresource<Strategy>()]
    ) {
        resource = Strategy.Object.resource
        verbs = Strategy.verbs
        subresourceVerbs = subresources.mapValues(\.verbs)
        subresourceKinds = subresources.compactMapValues(\.kind)
        makeEndpoint = { store, watch in
            RESTEndpoint<Strategy>(storage: RESTStorage(store: store), subresources: subresources, watch: watch)
        }
        addOpenAPISchemas = { schemas in
            guard let described = Strategy.Object.self as? any APIFields.Type else { return }
            schemas.add(kind: described, listType: List<Strategy.Object>.self, resource: Strategy.Object.resource,
                        patchSchema: Strategy.patchSchema)
        }
    }

    // Stage 4 > admission: a write may be changed or refused by rules that read other objects (Priority)
    /// Registers `strategy`'s kind with `subresources`, every create and update of it passing
    /// through `admission` first, in order (Kubernetes' admission: the Priority plug-in
    /// resolves a pod's `priorityClassName` this way).
    public init<Strategy: RESTStrategy>(
        _ strategy: Strategy.Type, subresources: [String: any Subresource<Strategy>] = ["status": StatusSubresource<Strategy>()],
        admission: [any AdmissionPlugin<Strategy>]
    ) {
        resource = Strategy.Object.resource
        verbs = Strategy.verbs
        subresourceVerbs = subresources.mapValues(\.verbs)
        subresourceKinds = subresources.compactMapValues(\.kind)
        makeEndpoint = { store, watch in
            var storage = RESTStorage<Strategy>(store: store)
            storage.admission = admission
            return RESTEndpoint<Strategy>(storage: storage, subresources: subresources, watch: watch)
        }
        addOpenAPISchemas = { schemas in
            guard let described = Strategy.Object.self as? any APIFields.Type else { return }
            schemas.add(kind: described, listType: List<Strategy.Object>.self, resource: Strategy.Object.resource,
                        patchSchema: Strategy.patchSchema)
        }
    }
    // Stage 4 <

    /// Registers a resource served by `makeEndpoint` (see `Review.swift`).
    init(
        resource: Resource, verbs: [String], subresourceVerbs: [String: [String]],
        makeEndpoint: @escaping @Sendable (any KeyValueStore, any WatchSource) -> any ResourceEndpoint
    ) {
        self.resource = resource
        self.verbs = verbs
        self.subresourceVerbs = subresourceVerbs
        subresourceKinds = [:]
        self.makeEndpoint = makeEndpoint
        // A review is asked, never stored or explained: it adds no schema of its own.
        addOpenAPISchemas = { _ in }
    }

    /// Kubernetes' storage version hash: the first 8 bytes of SHA-256 of
    /// `"<group>/<version>/<kind>"`, base64 (apiserver's `discovery.StorageVersionHash`).
    /// Precomputed with that formula, since this package has no SHA-256; "" (left out)
    /// for other kinds, which clients accept.
    public var storageVersionHash: String {
        Self.storageVersionHashes["\(resource.group)/\(resource.version)/\(resource.kind)"] ?? ""
    }

    static let storageVersionHashes: [String: String] = [
        "/v1/Pod": "xPOwRZ+Yhw8=",
        "/v1/Node": "XwShjMxG9Fs=",
        "/v1/Namespace": "Q3oi5N2YM8M=",
        "/v1/Event": "r2yiGXH7wu8=",
        "/v1/ConfigMap": "qFsyl6wFWjQ=",
        "/v1/Secret": "S6u1pOWzb84=",
        "/v1/ServiceAccount": "pbx9ZvyFpBE=",
        // Stage 4 > the kinds scheduling adds, so that discovery lists their storage versions too
        "scheduling.k8s.io/v1/PriorityClass": "1QwjyaZjj3Y=",
        "coordination.k8s.io/v1/Lease": "gqkMMb/YqFM=",
        // Stage 4 <
    ]

    /// Everything this resource contributes to its group version's `APIResourceList`:
    /// its own entry, then its subresources' sorted by name (`pods/log`, `pods/status`).
    public var discoveryEntries: [APIResource] {
        let own = APIResource(
            name: resource.plural, singularName: resource.singular, namespaced: resource.isNamespaced, kind: resource.kind,
            verbs: verbs, shortNames: resource.shortNames, categories: resource.categories, storageVersionHash: storageVersionHash)
        return [own] + subresourceVerbs.keys.sorted().map { subresource in
            APIResource(
                name: "\(resource.plural)/\(subresource)", singularName: "", namespaced: resource.isNamespaced,
                group: subresourceKinds[subresource]?.group ?? "", version: subresourceKinds[subresource]?.version ?? "",
                kind: subresourceKinds[subresource]?.kind ?? resource.kind, verbs: subresourceVerbs[subresource] ?? [])
        }
    }
}
