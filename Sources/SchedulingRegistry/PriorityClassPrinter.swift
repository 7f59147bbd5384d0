// Stage 4 · SchedulingRegistry: a priority class as one row of `kubectl get priorityclasses`.
//
// A port of `printPriorityClass` from Kubernetes' `printers.go`: the name, the value, whether
// it is the global default, the age, and the preemption policy. The columns are the
// server's (kubectl prints the table it is sent), so every kubectl version sees these five.

import API
import APIMachinery
import APIServer
import SchedulingKinds

/// The columns and cells of priority classes in `kubectl get pc`.
public enum PriorityClassPrinter {
    /// The columns, in Kubernetes' order.
    public static let columns: [TableColumnDefinition] = [
        .init(name: "Name", type: "string", format: "name", description: "Name must be unique within a namespace.", priority: 0),
        .init(name: "Value", type: "integer", description: "value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec.", priority: 0),
        .init(name: "Global-Default", type: "boolean", description: "globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority.", priority: 0),
        .init(name: "Age", type: "string", description: "CreationTimestamp is a timestamp representing the server time when this object was created.", priority: 0),
        .init(name: "PreemptionPolicy", type: "string", description: "preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.", priority: 0),
    ]

    /// The class's cells at time `now`.
    public static func cells(_ priorityClass: PriorityClass, now: Time) -> [String] {
        [
            priorityClass.metadata.name,
            String(priorityClass.value),
            priorityClass.globalDefault ? "true" : "false",
            PodPrinter.age(since: priorityClass.metadata.creationTimestamp, now: now),
            priorityClass.preemptionPolicy?.rawValue ?? "",
        ]
    }
}
