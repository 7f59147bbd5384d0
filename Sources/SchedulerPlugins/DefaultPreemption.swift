// Stage 4 · SchedulerPlugins: a pod that fits nowhere may evict pods of lower priority (PostFilter).
//
// When Filter rejected every node, preemption asks: on which node would the pod fit if
// some pods of lower priority were gone? Only nodes that said `unschedulable` are worth
// asking; `unschedulableAndUnresolvable` ones (a taint, a node selector) would refuse
// the pod however empty they were. On each candidate node it removes every pod of
// lower priority, checks the pod fits, then puts back as many as it can, most
// important first: those that no longer fit are the victims (DefaultPreemption+Victims).
// Among the nodes with victims it picks the one whose eviction hurts least, deletes the
// victims, and nominates the node: the pod waits for that node to free up, and the
// scheduler tries it again when the victims' deletions arrive.
//
// Messages are Kubernetes', prefixed "preemption: " by this plugin, and end up after
// the FitError's own message: `preemption: 0/3 nodes are available: 3 No preemption
// victims found for incoming pod.`

import API
import SchedulerFramework

/// PostFilter: evicts lower-priority pods to make room, and nominates the node.
public struct DefaultPreemption: PostFilterPlugin {
    public static let notEligibleNever = "not eligible due to preemptionPolicy=Never."
    public static let noVictimsFound = "No preemption victims found for incoming pod"
    public static let preemptionNotHelpful = "Preemption is not helpful for scheduling"
    /// Candidates are sought on at least this share of the cluster's nodes (Kubernetes' minCandidateNodesPercentage)…
    public static let minCandidateNodesPercentage = 10
    /// …and at least this many (minCandidateNodesAbsolute).
    public static let minCandidateNodesAbsolute = 100

    public var name: String { PluginName.defaultPreemption }

    public init() {}

    /// A node where preemption would work, and the pods it would evict (most important first).
    struct Candidate {
        var nodeName: String
        var victims: [PodInfo]
    }

    public func postFilter(_ state: CycleState, _ pod: Pod, _ statuses: NodeToStatus, _ snapshot: Snapshot,
                           _ framework: Framework) async -> (PostFilterResult?, Status) {
        let (result, status) = await preempt(state, pod, statuses, snapshot, framework)
        if status.message.isEmpty { return (result, status) }
        return (result, Status(status.code, reasons: ["preemption: " + status.message]))
    }

    func preempt(_ state: CycleState, _ pod: Pod, _ statuses: NodeToStatus, _ snapshot: Snapshot,
                 _ framework: Framework) async -> (PostFilterResult?, Status) {
        if pod.spec.preemptionPolicy == .never { return (nil, Status(.unschedulable, Self.notEligibleNever)) }
        let (candidates, candidateStatuses) = findCandidates(state, pod, statuses, snapshot, framework)
        guard let best = Self.selectCandidate(candidates) else {
            let fitError = FitError(pod: pod, numAllNodes: snapshot.count,
                                    diagnosis: { var d = Diagnosis(); d.nodeToStatus = candidateStatuses; return d }())
            return (PostFilterResult(nominatedNodeName: ""), Status(.unschedulable, fitError.description))
        }
        do {
            for victim in best.victims {
                let key = victim.key
                if framework.waitingPods.keys.contains(key) {
                    framework.waitingPods.reject(key, plugin: name, message: "preempted")
                } else {
                    try await framework.handle.preemptPod(victim.pod, by: pod, on: best.nodeName)
                }
            }
            try await framework.handle.setNominatedNodeName(pod, to: best.nodeName)
        } catch {
            return (nil, .error("\(error)"))
        }
        return (PostFilterResult(nominatedNodeName: best.nodeName), .success)
    }

    /// How many candidates to look for among `numNodes` (Kubernetes' calculateNumCandidates).
    static func numCandidates(_ numNodes: Int) -> Int {
        min(numNodes, max(numNodes * minCandidateNodesPercentage / 100, minCandidateNodesAbsolute))
    }

    /// The nodes where evicting lower-priority pods would let the pod fit, and every other node's reason.
    func findCandidates(_ state: CycleState, _ pod: Pod, _ statuses: NodeToStatus, _ snapshot: Snapshot,
                        _ framework: Framework) -> ([Candidate], NodeToStatus) {
        var candidateStatuses = NodeToStatus()
        var potential: [Int] = []
        for (index, nodeInfo) in snapshot.nodeInfoList.enumerated() {
            if statuses[nodeInfo.name].code == .unschedulable {
                potential.append(index)
            } else {
                candidateStatuses[nodeInfo.name] = Status(.unschedulableAndUnresolvable, Self.preemptionNotHelpful)
            }
        }
        var candidates: [Candidate] = []
        let wanted = Self.numCandidates(potential.count)
        for index in potential {
            let nodeInfo = snapshot.nodeInfoList[index]
            let (victims, status) = selectVictimsOnNode(state.clone(), pod, nodeInfo, framework,
                                                        nominated: snapshot.nominatedPods[nodeInfo.name] ?? [])
            if status.isSuccess && !victims.isEmpty {
                candidates.append(Candidate(nodeName: nodeInfo.name, victims: victims))
                if candidates.count >= wanted { break }
            } else if status.isSuccess {
                candidateStatuses[nodeInfo.name] = .error("expected at least one victim pod on node \"\(nodeInfo.name)\"")
            } else {
                candidateStatuses[nodeInfo.name] = status
            }
        }
        return (candidates, candidateStatuses)
    }
}
