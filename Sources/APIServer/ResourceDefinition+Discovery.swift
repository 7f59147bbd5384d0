// Stage 2 · APIServer: how a resource describes itself in `/api/v1`.
//
// One `ResourceDefinition` becomes several discovery entries: the resource itself
// (`pods`, with its short names, categories and storage version hash) and one entry per
// subresource (`pods/log`, `pods/status`), which has the parent's kind and scope, its
// own verbs, and an empty singular name, exactly as a real API server lists them.

import API
import APIMachinery
import ClusterKinds

extension ResourceDefinition {
    /// The categories `kubectl get <category>` expands: pods are in `all`.
    /// Kubernetes puts only workload resources there; nodes, namespaces and events are not.
    public var categories: [String] {
        name == ResourceDefinition.pods.name ? ["all"] : []
    }

    /// Kubernetes' storage version hash: the first 8 bytes of SHA-256 of
    /// `"<group>/<version>/<kind>"`, base64 (apiserver's `discovery.StorageVersionHash`).
    /// Precomputed with that formula, since this package has no SHA-256; "" for others.
    public var storageVersionHash: String {
        Self.storageVersionHashes["\(group)/\(version)/\(kind)"] ?? ""
    }

    /// Known hashes, keyed by `group/version/kind`.
    static let storageVersionHashes: [String: String] = [
        "/v1/Pod": "xPOwRZ+Yhw8=",
        "/v1/Node": "XwShjMxG9Fs=",
        "/v1/Namespace": "Q3oi5N2YM8M=",
        "/v1/Event": "r2yiGXH7wu8=",
    ]

    /// The resource's own discovery entry.
    public var apiResource: APIResource {
        APIResource(
            name: name, singularName: singularName, namespaced: isNamespaced, kind: kind, verbs: verbs,
            shortNames: shortNames, categories: categories, storageVersionHash: storageVersionHash)
    }

    /// The entries for its subresources, sorted by name: `pods/log`, `pods/status`.
    public var subresourceAPIResources: [APIResource] {
        subresources.keys.sorted().map { subresource in
            APIResource(
                name: "\(name)/\(subresource)", singularName: "", namespaced: isNamespaced, kind: kind,
                verbs: subresources[subresource] ?? [])
        }
    }

    /// Everything this resource contributes to its group version's `APIResourceList`.
    public var discoveryEntries: [APIResource] {
        [apiResource] + subresourceAPIResources
    }
}
