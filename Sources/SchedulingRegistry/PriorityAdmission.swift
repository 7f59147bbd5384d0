// Stage 4 · SchedulingRegistry: a new pod's priority, from the class it names (Kubernetes' Priority admission).
//
// A pod names a class; the scheduler reads a number. Between the two, on every pod
// create, Kubernetes' `Priority` admission plug-in (`plugin/pkg/admission/priority`)
// looks the class up and writes its value into `spec.priority`, and its
// preemptionPolicy into `spec.preemptionPolicy`:
//
//   spec.priorityClassName: high     → spec.priority: <high's value>
//   no class named, a globalDefault  → that class's name and value
//   no class named, no default       → spec.priority: 0
//   a class that does not exist      → 403  pods "x" is forbidden: no PriorityClass with name foo was found
//   spec.priority set, and different → 403  … the integer value of priority (5) must not be provided in pod spec; …
//   an update that leaves them out    → the created pod's priority and preemptionPolicy, kept
//
// The same plug-in refuses a second `globalDefault` class (`GlobalDefaultAdmission`).
// Kubernetes reads the classes from an informer; here they are read from the store at
// the moment of the create, which is the same answer without the informer's delay.

import API
import APIMachinery
import APIServer
import ClusterKinds
import SchedulingKinds
import Storage

/// Resolves a new pod's priority from its priority class; registered on pods' create.
public struct PriorityAdmission: AdmissionPlugin {
    public typealias Strategy = PodStrategy

    /// A pod's priority when it names no class and no class is the default.
    public static let defaultPriorityWhenNoDefaultClassExists: Int32 = 0

    public init() {}

    public func admitCreate(_ pod: inout Pod, namespace: String, store: any KeyValueStore) async throws(Status) {
        let classes = RESTStorage<PriorityClassStrategy>(store: store)
        let name = PodRefusal(pod)
        var priority = Self.defaultPriorityWhenNoDefaultClassExists
        var preemptionPolicy: PreemptionPolicy? = .preemptLowerPriority
        if pod.spec.priorityClassName.isEmpty {
            if let defaultClass = try await Self.globalDefault(in: classes) {
                pod.spec.priorityClassName = defaultClass.metadata.name
                priority = defaultClass.value
                preemptionPolicy = defaultClass.preemptionPolicy
            }
        } else {
            let found: PriorityClass
            do {
                found = try await classes.get(namespace: "", name: pod.spec.priorityClassName)
            } catch where error.reason == .notFound {
                throw name.forbidden("no PriorityClass with name \(pod.spec.priorityClassName) was found")
            }
            priority = found.value
            preemptionPolicy = found.preemptionPolicy
        }
        if let given = pod.spec.priority, given != priority {
            throw name.forbidden("the integer value of priority (\(given)) must not be provided in pod spec; "
                                 + "priority admission controller computed \(priority) from the given PriorityClass name")
        }
        pod.spec.priority = priority
        if let preemptionPolicy {
            if let given = pod.spec.preemptionPolicy, given != preemptionPolicy {
                throw name.forbidden("the string value of PreemptionPolicy (\(given.rawValue)) must not be provided in pod spec; "
                                     + "priority admission controller computed \(preemptionPolicy.rawValue) from the given PriorityClass name")
            }
            pod.spec.preemptionPolicy = preemptionPolicy
        }
    }

    /// Keeps what the create resolved when an update leaves it out: validation forbids
    /// changing it, so only leaving it out can reach here.
    public func admitUpdate(_ pod: inout Pod, old: Pod, store: any KeyValueStore) async throws(Status) {
        if pod.spec.priority == nil { pod.spec.priority = old.spec.priority }
        if pod.spec.preemptionPolicy == nil { pod.spec.preemptionPolicy = old.spec.preemptionPolicy }
    }

    /// The class pods naming none get: of several (two writers raced), the lowest value, as Kubernetes picks.
    static func globalDefault(in classes: RESTStorage<PriorityClassStrategy>) async throws(Status) -> PriorityClass? {
        try await classes.list(namespace: nil).items.filter(\.globalDefault).min { $0.value < $1.value }
    }

    /// The name an admission refusal names: the pod's, or its generateName, as Kubernetes' `NewForbidden`.
    struct PodRefusal {
        let name: String
        init(_ pod: Pod) {
            name = pod.metadata.name.isEmpty ? pod.metadata.generateName : pod.metadata.name
        }
        func forbidden(_ message: String) -> Status {
            Status.forbidden(GroupResource(resource: Pod.resource.plural), name: name, message)
        }
    }
}
