// Stage 2 · APIServer: `PUT /api/v1/namespaces/{name}/finalize`, the one way to change a
// namespace's `spec.finalizers`.
//
// A namespace being deleted waits for its finalizers (normally just `kubernetes`). The
// namespace controller (stage 5) deletes the namespace's contents, then PUTs the namespace
// here without its finalizer, and deletes it again; with no finalizer left, that delete
// removes it. An ordinary update keeps the finalizers as they were
// (`NamespaceStrategy.prepareForUpdate`), so only a client that means it clears them.
// This write takes the new finalizers and labels, and keeps the status.

import API
import APIMachinery
import ClusterKinds
import HTTP

/// The `finalize` subresource of namespaces; registered by the composition root.
public struct NamespaceFinalizeSubresource: Subresource {
    public typealias Strategy = NamespaceStrategy

    public init() {}

    public var verbs: [String] { ["update"] }

    public func serve(_ request: HTTPRequest, info: RequestInfo, storage: RESTStorage<NamespaceStrategy>) async throws(Status) -> HTTPResponse {
        let dryRun = try DryRun.isRequested(by: request, options: "UpdateOptions")
        var namespace: Namespace = try RESTStorage<NamespaceStrategy>.decodeBody(request)
        guard namespace.metadata.name == info.name else {
            throw Status.badRequest("the name of the object (\(namespace.metadata.name)) does not match the name on the URL (\(info.name))")
        }
        let (old, revision) = try await storage.read(namespace: "", name: info.name)
        if !namespace.metadata.resourceVersion.isEmpty && namespace.metadata.resourceVersion != String(revision) {
            throw Status.conflict(storage.groupResource, name: info.name)
        }
        namespace.apiVersion = old.apiVersion
        namespace.kind = old.kind
        namespace.metadata.keepSystemFields(from: old.metadata)
        namespace.status = old.status
        NamespaceStrategy.labelWithName(&namespace)
        let errors = Self.validateFinalizers(namespace.spec.finalizers)
        guard errors.isEmpty else { throw Status.invalid(storage.groupKind, name: info.name, errors: errors) }
        return try APIResponse.object(await storage.write(namespace, expectedRevision: revision, dryRun: dryRun))
    }

    /// Each finalizer is `kubernetes` or a qualified name such as `example.com/cleanup`
    /// (Kubernetes' `validateFinalizerName`, for the shape alone).
    static func validateFinalizers(_ finalizers: [String]) -> [FieldError] {
        finalizers.enumerated().compactMap { index, name in
            if name == NamespaceSpec.kubernetesFinalizer { return nil }
            let parts = name.split(separator: "/", omittingEmptySubsequences: false)
            if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty { return nil }
            return FieldError(.invalid, "spec.finalizers[\(index)]", value: name,
                              "name is neither a standard finalizer name nor is it fully qualified")
        }
    }
}
