// Stage 4 · SchedulerFramework: "0/3 nodes are available: …", the message of a pod that fits nowhere.
//
// This is the text `kubectl describe pod` shows in the FailedScheduling event and the
// PodScheduled condition, so it follows Kubernetes' FitError.Error() to the character:
// each distinct reason is counted over the nodes, the "<count> <reason>" strings are
// sorted as strings and joined with ", ", and every part ends in a period:
//
//     0/3 nodes are available: 1 Insufficient cpu, 2 node(s) had untolerated taint {dedicated: gpu}.
//
// PreFilter's message replaces the per-node counts when PreFilter rejected the pod.
// PostFilter's message (preemption's) follows as one more part; it is itself a FitError
// message and so already ends in a period, which gives Kubernetes' familiar "..":
//
//     0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod..

import API

/// Thrown by `SchedulingAlgorithm.schedulePod` when no node passes Filter.
public struct FitError: Error, Sendable, CustomStringConvertible {
    public var pod: Pod
    public var numAllNodes: Int
    public var diagnosis: Diagnosis
    /// PostFilter's (preemption's) message; the scheduler sets it after running PostFilter.
    public var postFilterMessage: String

    public init(pod: Pod, numAllNodes: Int, diagnosis: Diagnosis, postFilterMessage: String = "") {
        self.pod = pod
        self.numAllNodes = numAllNodes
        self.diagnosis = diagnosis
        self.postFilterMessage = postFilterMessage
    }

    public var description: String {
        var message = "0/\(numAllNodes) nodes are available:"
        let preFilterMessage = diagnosis.preFilterMessage
        if !preFilterMessage.isEmpty {
            message += " \(preFilterMessage)."
        } else {
            var counts: [String: Int] = [:]
            for status in diagnosis.nodeToStatus.statuses.values {
                for reason in status.reasons { counts[reason, default: 0] += 1 }
            }
            let absent = numAllNodes - diagnosis.nodeToStatus.count
            if absent > 0 {
                for reason in diagnosis.nodeToStatus.absentNodesStatus.reasons { counts[reason, default: 0] += absent }
            }
            let histogram = counts.map { "\($0.value) \($0.key)" }.sorted()
            if !histogram.isEmpty { message += " \(histogram.joined(separator: ", "))." }
        }
        if !postFilterMessage.isEmpty { message += " \(postFilterMessage)." }
        return message
    }
}

/// The scheduling cycle failed for a reason other than "nothing fits".
public enum SchedulingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The cache holds no nodes (Kubernetes' ErrNoNodesAvailable).
    case noNodesAvailable
    /// A plugin failed with an error status (not a rejection).
    case plugin(Status)

    public var description: String {
        switch self {
        case .noNodesAvailable: "no nodes available to schedule pods"
        case .plugin(let status): status.message.isEmpty ? "plugin \(status.plugin) failed" : status.message
        }
    }
}
