// Stage 2 · Client: where a kind of object lives in the API server's URL space.
//
// Kubernetes' REST layout is regular: every resource is a collection under its group and
// version, namespaced or not, and every object a name inside it:
//
//     /api/v1/nodes/node1                               core group, cluster-scoped
//     /api/v1/namespaces/default/pods/web               core group, namespaced
//     /api/v1/namespaces/default/pods/web/status        a subresource
//     /apis/apps/v1/namespaces/default/deployments/web  a named group (stage 5)
//
// So one small description per resource is all `APIClient` needs to reach any of them;
// adding a kind later (Deployments in stage 5) is one more `Resource` value.

/// A kind of object's place in the API (group, version, plural name, scope); `APIClient`
/// builds every URL from one, and components name the resource they want by it.
public struct Resource: Sendable, Hashable, CustomStringConvertible {
    /// The API group; "" for the core group, served under `/api`.
    public var group: String
    /// The version, such as `v1`.
    public var version: String
    /// The plural, lower-case name used in URLs, such as `pods`.
    public var name: String
    /// Whether objects live in a namespace (pods, events) or in the cluster (nodes, namespaces).
    public var isNamespaced: Bool

    /// Describes a resource.
    public init(group: String = "", version: String = "v1", name: String, isNamespaced: Bool) {
        self.group = group
        self.version = version
        self.name = name
        self.isNamespaced = isNamespaced
    }

    /// Core/v1 pods.
    public static let pods = Resource(name: "pods", isNamespaced: true)
    /// Core/v1 nodes.
    public static let nodes = Resource(name: "nodes", isNamespaced: false)
    /// Core/v1 events.
    public static let events = Resource(name: "events", isNamespaced: true)
    /// Core/v1 namespaces.
    public static let namespaces = Resource(name: "namespaces", isNamespaced: false)

    /// `/api/v1` for the core group, `/apis/<group>/<version>` for the others.
    public var groupVersionPath: String {
        group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
    }

    /// The path of the collection, of one object, or of one object's subresource.
    ///
    /// An empty `namespace` on a namespaced resource means "every namespace", which only
    /// makes sense for a list (`GET /api/v1/pods`); the namespace is ignored for a
    /// cluster-scoped resource. Names are percent-encoded, so an odd name cannot escape
    /// its path segment.
    public func path(namespace: String = "", name: String? = nil, subresource: String? = nil) -> String {
        var path = groupVersionPath
        if isNamespaced, !namespace.isEmpty { path += "/namespaces/\(Resource.escaped(namespace))" }
        path += "/\(self.name)"
        if let name { path += "/\(Resource.escaped(name))" }
        if let subresource { path += "/\(subresource)" }
        return path
    }

    /// `pods`, or `deployments.apps` for a named group, as Kubernetes' messages write it.
    public var description: String { group.isEmpty ? name : "\(name).\(group)" }

    /// Percent-encodes everything but RFC 3986's unreserved characters, for a path
    /// segment or a query value.
    static func escaped(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            if isUnreserved(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}

extension String {
    /// The string with leading zeros up to `width` characters (for two-digit hex escapes).
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
