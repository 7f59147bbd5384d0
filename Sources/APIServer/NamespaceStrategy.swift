// Stage 2 · APIServer: what the API server does to a namespace on create.
//
// A namespace is `Active` from its creation and carries the `kubernetes` finalizer,
// which in Kubernetes makes deleting it wait until everything inside is gone (the
// namespace controller, not part of this series, does that work). Its name must be a
// DNS label, stricter than most names, since it becomes part of other names.

import API
import APIMachinery
import ClusterKinds

/// Kubernetes' namespace strategy (`pkg/registry/core/namespace/strategy.go`), in part.
public enum NamespaceStrategy: RESTStrategy {
    /// Namespaces are not deleted by collection.
    public static var verbs: [String] { ["create", "delete", "get", "list", "patch", "update", "watch"] }

    public static func prepareForCreate(_ namespace: inout Namespace) {
        namespace.status.phase = .active
        if !namespace.spec.finalizers.contains(NamespaceSpec.kubernetesFinalizer) {
            namespace.spec.finalizers.append(NamespaceSpec.kubernetesFinalizer)
        }
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
