// Stage 2 · APIServer: a namespace as one row of `kubectl get namespaces`.
//
// A port of `printNamespace` from Kubernetes' `printers.go`: the name, the phase
// (`Active`, or `Terminating` while its contents are being deleted) and the age.

import API
import APIMachinery
import ClusterKinds

/// The columns and cells of namespaces in `kubectl get namespaces`.
public enum NamespacePrinter {
    /// The columns, in order.
    public static let columns: [APIMachinery.TableColumnDefinition] = [
        .init(name: "Name", type: "string", format: "name", description: "Name must be unique within a namespace.", priority: 0),
        .init(name: "Status", type: "string", description: "The status of the namespace", priority: 0),
        .init(name: "Age", type: "string", description: "CreationTimestamp is a timestamp representing the server time when this object was created.", priority: 0),
    ]

    /// The namespace's cells at time `now`: name, phase ("" when unset, as in Kubernetes), age.
    public static func cells(_ namespace: Namespace, now: Time) -> [String] {
        [
            namespace.metadata.name,
            namespace.status.phase?.rawValue ?? "",
            PodPrinter.age(since: namespace.metadata.creationTimestamp, now: now),
        ]
    }
}
