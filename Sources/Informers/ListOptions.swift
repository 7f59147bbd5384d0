// Stage 3 · Informers: what a list or a watch asks for (meta/v1 `ListOptions`).
//
// A list and a watch of one resource take the same query, because a watch is "the
// list, and then every change to it": the same selectors pick the same objects. The
// watch adds where to start (`resourceVersion`), whether the server may send bookmarks,
// and how long the server keeps the stream open before ending it.
//
//     GET /api/v1/namespaces/default/pods?labelSelector=app%3Dweb
//         &watch=true&resourceVersion=1042&allowWatchBookmarks=true&timeoutSeconds=300

import APIMachinery
import Client

/// The query of a list or a watch; client-go's `metav1.ListOptions`, in part.
public struct ListOptions: Sendable, Hashable {
    /// Only objects whose labels match, such as `app=web`.
    public var labelSelector: String?
    /// Only objects whose fields match, such as `spec.nodeName=node1`.
    public var fieldSelector: String?
    /// Where a watch starts: changes strictly after this version. "" or "0" asks the
    /// server first for every current object, as ADDED events.
    public var resourceVersion: String?
    /// Whether the server may send BOOKMARK events: "nothing for you, but I have reached
    /// version N", so a quiet watch still learns a recent version to resume from.
    public var allowWatchBookmarks: Bool
    /// How long the server keeps a watch open before ending it normally; nil lets the
    /// server choose (Kubernetes picks 30 to 60 minutes).
    public var timeoutSeconds: Int?

    public init(
        labelSelector: String? = nil, fieldSelector: String? = nil, resourceVersion: String? = nil,
        allowWatchBookmarks: Bool = false, timeoutSeconds: Int? = nil
    ) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.resourceVersion = resourceVersion
        self.allowWatchBookmarks = allowWatchBookmarks
        self.timeoutSeconds = timeoutSeconds
    }

    /// The query string of a watch with these options, without its leading `?`.
    var watchQuery: String {
        var query = ["watch=true"]
        if let labelSelector { query.append("labelSelector=\(Resource.queryEscaped(labelSelector))") }
        if let fieldSelector { query.append("fieldSelector=\(Resource.queryEscaped(fieldSelector))") }
        if let resourceVersion { query.append("resourceVersion=\(Resource.queryEscaped(resourceVersion))") }
        if allowWatchBookmarks { query.append("allowWatchBookmarks=true") }
        if let timeoutSeconds { query.append("timeoutSeconds=\(timeoutSeconds)") }
        return query.joined(separator: "&")
    }
}
