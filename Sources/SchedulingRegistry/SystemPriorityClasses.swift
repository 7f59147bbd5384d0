// Stage 4 · SchedulingRegistry: the two priority classes every cluster starts with.
//
// Kubernetes' API server creates them when it starts (`pkg/registry/scheduling/rest`), if
// they are absent: `system-node-critical` for pods that must stay on their node (a node's
// own agents) and `system-cluster-critical` for pods the cluster cannot do without (its
// DNS). Their values are above any user class's, so the scheduler places them first and
// may evict anything else for them. Validation refuses any other `system-` class, or
// these two with another value (`PriorityClassStrategy`).

import API
import APIMachinery
import APIServer
import Common
import SchedulingKinds
import Storage

/// The system's priority classes, and the start-up step that makes them.
public enum SystemPriorityClasses {
    /// Where system values begin (`SystemCriticalPriority`): twice the highest user value.
    public static let systemCriticalPriority: Int32 = 2 * PriorityClassStrategy.highestUserDefinablePriority
    /// How far above `systemCriticalPriority` the node-critical class is.
    public static let nodeCriticalOffset: Int32 = 1000

    /// The classes, as Kubernetes defines them.
    public static let all: [PriorityClass] = [
        PriorityClass(metadata: ObjectMeta(name: "system-node-critical"), value: systemCriticalPriority + nodeCriticalOffset,
                      description: "Used for system critical pods that must not be moved from their current node."),
        PriorityClass(metadata: ObjectMeta(name: "system-cluster-critical"), value: systemCriticalPriority,
                      description: "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary."),
    ]

    /// Why a class named `name` with `value` and `globalDefault` is not one of the system's,
    /// in Kubernetes' words (`IsKnownSystemPriorityClass`); nil when it is.
    public static func problem(name: String, value: Int32, globalDefault: Bool) -> String? {
        guard let known = all.first(where: { $0.metadata.name == name }) else { return "\(name) is not a known system priority class" }
        if known.value != value { return "value of \(name) PriorityClass must be \(known.value)" }
        if known.globalDefault != globalDefault { return "globalDefault of \(name) PriorityClass must be \(known.globalDefault)" }
        return nil
    }

    /// Creates each class that does not exist yet; an `APIServer.bootstrap` step.
    public static func create(store: any KeyValueStore, logger: Logger) async {
        let storage = RESTStorage<PriorityClassStrategy>(store: store)
        for priorityClass in all {
            do {
                _ = try await storage.create(priorityClass, namespace: "")
                logger.info("created a system priority class", ["name": priorityClass.metadata.name, "value": priorityClass.value])
            } catch where error.reason != .alreadyExists {
                logger.error("could not create a system priority class", ["name": priorityClass.metadata.name, "error": error.message])
            } catch {}
        }
    }
}
