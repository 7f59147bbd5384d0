// Stage 2 · APIMachinery: the resources of one group version (meta/v1 `APIResourceList`).
//
// kubectl's third discovery question, `GET /api/v1`: which resources exist (`pods`,
// `nodes`, …), whether each is namespaced, its kind, verbs and short names. This is how
// `kubectl get po` knows that `po` means pods, and that pods live in namespaces.

import API

/// The answer to `GET /api/v1` (and `/apis/<group>/<version>`); served by the API
/// server, read by kubectl's discovery and REST mapper.
public struct APIResourceList: Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    /// The group version described, such as `v1` or `apps/v1`.
    public var groupVersion: String
    /// The resources.
    public var resources: [APIResource]

    /// Makes a resource list; `apiVersion` and `kind` default to `v1` and `APIResourceList`.
    public init(
        apiVersion: String = "v1", kind: String = "APIResourceList", groupVersion: String = "",
        resources: [APIResource] = []
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.groupVersion = groupVersion
        self.resources = resources
    }
}

extension APIResourceList: APIFields {
    public static let zero = APIResourceList(apiVersion: "", kind: "")
    public static let fields: [JSONField<APIResourceList>] = [
        .omitEmpty("apiVersion", \.apiVersion),
        .omitEmpty("kind", \.kind),
        .always("groupVersion", \.groupVersion),
        .always("resources", \.resources),
    ]
}
