// Stage 2 · APIServer: what the API server does to a namespace, from create to delete.
//
// A namespace is `Active` from its creation and carries the `kubernetes` finalizer in
// `spec.finalizers`, which makes deleting it a two-step affair:
//
//   DELETE      → deletionTimestamp is set, the phase becomes `Terminating`; the object stays
//   (cleanup)   → the namespace controller (stage 5) deletes everything inside, then clears
//                 `spec.finalizers` with a PUT of `…/finalize` (`NamespaceFinalizeSubresource`)
//   DELETE      → with no finalizer left, the namespace is removed
//
// Until stage 5 nothing does the cleanup, so a deleted namespace stays Terminating, as in
// a Kubernetes cluster without its controller manager. Meanwhile nothing new may be
// created in it (`NamespaceLifecycle`). Every namespace carries the label
// `kubernetes.io/metadata.name` with its own name, so that selectors (a network policy's,
// say) can pick namespaces by name; the server sets it on every write. Its name must be a
// DNS label, stricter than most names, since it becomes part of other names.

import API
import APIMachinery
import ClusterKinds

/// Kubernetes' namespace strategy (`pkg/registry/core/namespace/strategy.go`), in part.
public enum NamespaceStrategy: RESTStrategy {
    /// The label every namespace carries, its value the namespace's name.
    public static let nameLabel = "kubernetes.io/metadata.name"

    /// Namespaces are not deleted by collection.
    public static var verbs: [String] { ["create", "delete", "get", "list", "patch", "update", "watch"] }

    public static func prepareForCreate(_ namespace: inout Namespace) {
        namespace.status = NamespaceStatus(phase: .active)
        if !namespace.spec.finalizers.contains(NamespaceSpec.kubernetesFinalizer) {
            namespace.spec.finalizers.append(NamespaceSpec.kubernetesFinalizer)
        }
        labelWithName(&namespace)
    }

    /// An update may not change the finalizers (only `…/finalize` may) nor the status.
    public static func prepareForUpdate(_ namespace: inout Namespace, old: Namespace) {
        namespace.metadata.keepSystemFields(from: old.metadata)
        namespace.spec.finalizers = old.spec.finalizers
        namespace.status = old.status
        labelWithName(&namespace)
    }

    /// A status update may not change the spec.
    public static func prepareForStatusUpdate(_ namespace: inout Namespace, old: Namespace) {
        namespace.metadata.keepSystemFields(from: old.metadata)
        namespace.spec = old.spec
        labelWithName(&namespace)
    }

    /// Sets the name label, whatever the client sent (Kubernetes' `Canonicalize`).
    static func labelWithName(_ namespace: inout Namespace) {
        namespace.metadata.labels[nameLabel] = namespace.metadata.name
    }

    /// The first delete marks the namespace Terminating; later ones keep it while a
    /// finalizer remains, and remove it once none does.
    public static func markedForDeletion(_ namespace: Namespace, now: Time) -> Namespace? {
        guard namespace.metadata.deletionTimestamp == nil else {
            return namespace.spec.finalizers.isEmpty ? nil : namespace
        }
        var marked = namespace
        marked.metadata.deletionTimestamp = now
        marked.status.phase = .terminating
        return marked
    }

    public static func validate(_ namespace: Namespace) -> [FieldError] {
        let name = namespace.metadata.name
        if name.isEmpty { return [FieldError(.required, "metadata.name", "name or generateName is required")] }
        return NameValidation.label(name).map { FieldError(.invalid, "metadata.name", value: name, $0) }
    }

    /// Exactly the fields `selectableFields` gives values for.
    public static var selectableFieldNames: Set<String> { Set(selectableFields(Namespace()).keys) }
    public static func selectableFields(_ namespace: Namespace) -> [String: String] {
        ["metadata.name": namespace.metadata.name, "status.phase": namespace.status.phase?.rawValue ?? ""]
    }

    public static var columns: [TableColumnDefinition] { NamespacePrinter.columns }
    public static func cells(_ namespace: Namespace, now: Time) -> [String] { NamespacePrinter.cells(namespace, now: now) }
    public static var patchSchema: PatchSchema { .namespace }
}
