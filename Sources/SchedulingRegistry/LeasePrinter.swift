// Stage 4 · SchedulingRegistry: a lease as one row of `kubectl get leases`.
//
// A port of `printLease` from Kubernetes' `printers.go`: the name, the holder (a
// scheduler's identity, or a node's name for the kubelets' leases) and the age.

import API
import APIMachinery
import APIServer
import SchedulingKinds

/// The columns and cells of leases in `kubectl get lease`.
public enum LeasePrinter {
    /// The columns, in Kubernetes' order.
    public static let columns: [TableColumnDefinition] = [
        .init(name: "Name", type: "string", format: "name", description: "Name must be unique within a namespace.", priority: 0),
        .init(name: "Holder", type: "string", description: "holderIdentity contains the identity of the holder of a current lease.", priority: 0),
        .init(name: "Age", type: "string", description: "CreationTimestamp is a timestamp representing the server time when this object was created.", priority: 0),
    ]

    /// The lease's cells at time `now`: "" for a lease no one holds, as Kubernetes prints it.
    public static func cells(_ lease: Lease, now: Time) -> [String] {
        [lease.metadata.name, lease.spec.holderIdentity ?? "", PodPrinter.age(since: lease.metadata.creationTimestamp, now: now)]
    }
}
