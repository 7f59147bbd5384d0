// Stage 2 · APIMachinery: the named API groups a server offers (meta/v1 `APIGroupList`).
//
// kubectl's second discovery question is `GET /apis`: which groups besides the core
// one (`apps`, `batch`, …) exist, at which versions. Until stage 5 adds `apps`, the
// list is empty, and `"groups": []` is still written.

import API

/// The answer to `GET /apis`; served by the API server, read by kubectl's discovery.
public struct APIGroupList: Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    public var groups: [APIGroup]

    /// Makes a group list; `apiVersion` and `kind` default to `v1` and `APIGroupList`.
    public init(apiVersion: String = "v1", kind: String = "APIGroupList", groups: [APIGroup] = []) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.groups = groups
    }
}

extension APIGroupList: APIFields {
    public static let zero = APIGroupList(apiVersion: "", kind: "")
    public static let fields: [JSONField<APIGroupList>] = [
        .omitEmpty("apiVersion", \.apiVersion),
        .omitEmpty("kind", \.kind),
        .always("groups", \.groups),
    ]
}
