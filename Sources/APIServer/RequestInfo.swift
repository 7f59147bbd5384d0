// Stage 2 · APIServer: what a request asks for, read from its URL and method.
//
// Every request to the API server is first taken apart into Kubernetes' *request
// info*: which API group and version, which namespace, which resource, which object by
// name, which subresource, and which *verb*. The verb is not the HTTP method: a GET
// with a name is `get`, without one `list` (or `watch` with `?watch=true`); a DELETE
// without a name is `deletecollection`. This is Kubernetes' `RequestInfoFactory`:
//
//   /api/v1/namespaces/default/pods/web/log     get   pods/log "web" in "default"
//   /api/v1/pods?watch=true                     watch pods in every namespace
//   /apis/apps/v1/namespaces/a/deployments      list  deployments in "a" (stage 5)
//   /version, /healthz, /api                    not resource requests

/// A request, as the API server understands it before doing anything.
public struct RequestInfo: Sendable, Equatable {
    /// True for requests about resources (`/api/v1/pods`); false for `/version`, `/api`…
    public var isResourceRequest = false
    /// The request's path, as sent.
    public var path: String
    /// Kubernetes' verb: get, list, watch, create, update, patch, delete, deletecollection.
    public var verb: String
    /// `api` for the core group, `apis` for named groups.
    public var apiPrefix = ""
    /// The API group: "" for the core group (pods, nodes…), `apps` for deployments.
    public var apiGroup = ""
    /// The API version, such as `v1`.
    public var apiVersion = ""
    /// The namespace, or "" for cluster-wide requests and cluster-scoped resources.
    public var namespace = ""
    /// The resource, plural and lower case: `pods`, `nodes`.
    public var resource = ""
    /// The object's name, or "" for collections.
    public var name = ""
    /// The subresource: `status`, `log`; "" for the object itself.
    public var subresource = ""

    /// Path prefixes of the API: `/api` for the core group, `/apis` for the others.
    public static let apiPrefixes: Set<String> = ["api", "apis"]
    /// The prefix whose paths have no group segment.
    public static let grouplessAPIPrefixes: Set<String> = ["api"]
    /// Namespace subresources that are not resources of their own (`/namespaces/x/status`).
    static let namespaceSubresources: Set<String> = ["status", "finalize"]

    /// Whether a boolean query value such as `?watch=` is true, read as Go's `strconv.ParseBool`
    /// reads it for Kubernetes: `1`, `t`, `T`, `true`, `TRUE`, `True` (the Python client sends `True`).
    public static func isTrue(_ value: String?) -> Bool {
        guard let value else { return false }
        return ["1", "t", "T", "true", "TRUE", "True"].contains(value)
    }

    /// Takes apart `path` (decoded, without its query) for HTTP `method`; `isWatch` is `?watch=true` (or `1`, `True`…).
    public init(method: String, path: String, isWatch: Bool = false) {
        self.init(method: method, path: path, segments: path.split(separator: "/").map(String.init), isWatch: isWatch)
    }

    /// Takes apart a request's path from its `segments`, each decoded on its own, so that an
    /// encoded slash (`a%2Fb`) stays one segment, a name, instead of becoming two.
    public init(method: String, path: String, segments: [String], isWatch: Bool = false) {
        self.path = path
        self.verb = method.lowercased()
        var parts = segments
        guard parts.count >= 3, Self.apiPrefixes.contains(parts[0]) else { return }
        apiPrefix = parts.removeFirst()
        if !Self.grouplessAPIPrefixes.contains(apiPrefix) {
            guard parts.count >= 3 else { return }
            apiGroup = parts.removeFirst()
        }
        isResourceRequest = true
        apiVersion = parts.removeFirst()
        verb = switch method {
        case "POST": "create"
        case "GET", "HEAD": "get"
        case "PUT": "update"
        case "PATCH": "patch"
        case "DELETE": "delete"
        default: ""
        }
        // /namespaces/{namespace}/{resource}/…: the namespace is a scope, not the resource,
        // unless the request is about the namespace object itself.
        if parts.first == "namespaces", parts.count > 1 {
            namespace = parts[1]
            if parts.count > 2 && !Self.namespaceSubresources.contains(parts[2]) {
                parts.removeFirst(2)
            }
        }
        if parts.count >= 1 { resource = parts[0] }
        if parts.count >= 2 { name = parts[1] }
        if parts.count >= 3 { subresource = parts[2] }
        if name.isEmpty && verb == "get" { verb = isWatch ? "watch" : "list" }
        if name.isEmpty && verb == "delete" { verb = "deletecollection" }
    }
}
