// Stage 4 · SchedulerFramework tests: nodes, pods and a recording handle, as Kubernetes' plugin tests build them.
//
// Plugin tests are tables: a pod, some nodes (with the pods already on them), and the
// expected status per node or score per node. These helpers make each row one line.

import API
import ClusterKinds
import SchedulerFramework
import SchedulingKinds
import Synchronization

func quantity(_ text: String) -> Quantity {
    // The literals in these tests are valid quantities.
    try! Quantity(parsing: text)  // swiftlint:disable:this force_try
}

func makeNode(_ name: String, cpu: String = "4", memory: String = "8Gi", pods: Int64 = 110,
              extended: [String: String] = [:], labels: [String: String] = [:], taints: [Taint] = [],
              unschedulable: Bool = false) -> Node {
    var node = Node(metadata: ObjectMeta(name: name, labels: labels))
    var allocatable = ["cpu": quantity(cpu), "memory": quantity(memory), "pods": Quantity(value: pods)]
    for (resource, amount) in extended { allocatable[resource] = quantity(amount) }
    node.status.allocatable = allocatable
    node.status.capacity = allocatable
    node.spec.taints = taints
    node.spec.unschedulable = unschedulable
    return node
}

func makePod(_ name: String, namespace: String = "default", cpu: String? = nil, memory: String? = nil,
             extended: [String: String] = [:], node: String = "", labels: [String: String] = [:],
             priority: Int32? = nil, hostPorts: [Int32] = [], startedAt: Int64? = nil) -> Pod {
    var requests: [String: Quantity] = [:]
    if let cpu { requests["cpu"] = quantity(cpu) }
    if let memory { requests["memory"] = quantity(memory) }
    for (resource, amount) in extended { requests[resource] = quantity(amount) }
    let ports = hostPorts.map { ContainerPort(hostPort: $0, containerPort: $0) }
    let container = Container(name: "app", image: "app", ports: ports, resources: ResourceRequirements(requests: requests))
    var pod = Pod(metadata: ObjectMeta(name: name, namespace: namespace, uid: "uid-\(namespace)-\(name)", labels: labels),
                  spec: PodSpec(containers: [container]))
    pod.spec.nodeName = node
    pod.spec.priority = priority
    if let startedAt { pod.status.startTime = Time(secondsSince1970: startedAt) }
    return pod
}

/// Runs a plugin's PreFilter (if it has one) and Filter on every node, as the framework would.
func filterStatuses(_ plugin: any FilterPlugin, _ pod: Pod, _ snapshot: Snapshot) -> [Status] {
    let state = CycleState()
    if let preFilter = plugin as? any PreFilterPlugin {
        let (_, status) = preFilter.preFilter(state, pod, snapshot)
        if status.isSkip { return snapshot.nodeInfoList.map { _ in .success } }
        if !status.isSuccess { return snapshot.nodeInfoList.map { _ in status } }
    }
    return snapshot.nodeInfoList.map { plugin.filter(state, pod, $0) }
}

/// Runs a plugin's PreScore (if any), Score and NormalizeScore (if any) over every node.
func scores(_ plugin: any ScorePlugin, _ pod: Pod, _ snapshot: Snapshot) -> [Int64] {
    let state = CycleState()
    let all = Array(snapshot.nodeInfoList.indices)
    if let preScore = plugin as? any PreScorePlugin {
        let status = preScore.preScore(state, pod, snapshot, all)
        if status.isSkip { return all.map { _ in 0 } }
    }
    var result = snapshot.nodeInfoList.map { NodeScore(name: $0.name, score: plugin.score(state, pod, $0).0) }
    if let normalizing = plugin as? any NormalizeScorePlugin { _ = normalizing.normalizeScore(state, pod, &result) }
    return result.map(\.score)
}

/// A FrameworkHandle that records the writes instead of sending them.
final class RecordingHandle: FrameworkHandle {
    struct Writes {
        var bindings: [Binding] = []
        var deleted: [String] = []
        var nominations: [String: String] = [:]
    }

    let writes = Mutex(Writes())
    let failBinding: Bool

    init(failBinding: Bool = false) { self.failBinding = failBinding }

    struct Refused: Error, CustomStringConvertible { var description: String { "binding refused" } }

    func bind(_ binding: Binding) async throws {
        if failBinding { throw Refused() }
        writes.withLock { $0.bindings.append(binding) }
    }

    func preemptPod(_ victim: Pod, by preemptor: Pod, on nodeName: String) async throws {
        writes.withLock { $0.deleted.append(victim.metadata.name) }
    }

    func setNominatedNodeName(_ pod: Pod, to nodeName: String) async throws {
        writes.withLock { $0.nominations[pod.metadata.name] = nodeName }
    }

    var recorded: Writes { writes.withLock { $0 } }
}
