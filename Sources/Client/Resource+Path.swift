// Stage 2 · Client: a resource's URLs.
//
// Kubernetes' REST layout is regular: every resource is a collection under its group and
// version, namespaced or not, and every object a name inside it:
//
//     /api/v1/nodes/node1                               core group, cluster-scoped
//     /api/v1/namespaces/default/pods/web               core group, namespaced
//     /api/v1/namespaces/default/pods/web/status        a subresource
//     /apis/apps/v1/namespaces/default/deployments/web  a named group (stage 5)
//
// So a kind's `Resource` (APIMachinery) is all `APIClient` needs to reach any of them;
// adding a kind later (Deployments in stage 5) adds no code here.

import APIMachinery

extension Resource {
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
        path += "/\(plural)"
        if let name { path += "/\(Resource.escaped(name))" }
        if let subresource { path += "/\(subresource)" }
        return path
    }

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

// Stage 3 > a watch's query carries selectors too, escaped as a list's are
extension Resource {
    /// A query value percent-encoded as `list` encodes it.
    package static func queryEscaped(_ text: String) -> String { escaped(text) }
}
// Stage 3 <
