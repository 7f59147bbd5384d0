// Stage 4 · Scheduler: the framework's only way out to the cluster.
//
// Plugins decide; they never hold a connection. The three things a plugin may need done
// in the cluster go through this handle, which the scheduler makes over its API client:
// DefaultBinder binds a pod (a `Binding` posted to `pods/{name}/binding`, which the API
// server turns into `spec.nodeName`), and DefaultPreemption deletes the pods it evicts
// (each told why, in an Event) and marks the preemptor with the node it nominated
// (`status.nominatedNodeName`).

import API
import APIMachinery
import Client
import SchedulerFramework
import SchedulingKinds

/// The framework's handle on the API server (Kubernetes' `framework.Handle` clientset).
public struct APIFrameworkHandle: FrameworkHandle {
    let client: APIClient
    let recorder: SchedulerEventRecorder

    public init(client: APIClient, recorder: SchedulerEventRecorder) {
        self.client = client
        self.recorder = recorder
    }

    public func bind(_ binding: Binding) async throws {
        try await client.create(binding, subresource: "binding", of: Pod.self,
                                namespace: binding.metadata.namespace, name: binding.metadata.name)
    }

    /// Deletes a victim of preemption, with its own grace period, and only the pod the
    /// scheduler saw (its uid): a pod made again under the same name is not a victim. Its
    /// `Preempted` event says by whom, in kube-scheduler's words.
    public func preemptPod(_ victim: Pod, by preemptor: Pod, on nodeName: String) async throws {
        try await client.delete(Pod.self, namespace: victim.metadata.namespace, name: victim.metadata.name,
                                options: DeleteOptions(preconditions: Preconditions(uid: victim.metadata.uid)))
        recorder.record(victim, type: "Normal", reason: "Preempted", action: "Preempting",
                        message: "Preempted by pod \(preemptor.metadata.uid) on node \(nodeName)")
    }

    /// Writes `status.nominatedNodeName` ("" removes it) with a merge patch of the status.
    public func setNominatedNodeName(_ pod: Pod, to nodeName: String) async throws {
        try await client.patch(Pod.self, namespace: pod.metadata.namespace, name: pod.metadata.name,
                               mergePatch: NominatedNodePatch(nodeName: nodeName), subresource: "status")
    }
}

/// `{"status": {"nominatedNodeName": "node2"}}`, or `null` to remove it.
struct NominatedNodePatch: Encodable, Sendable {
    var nodeName: String

    enum Keys: String, CodingKey { case status, nominatedNodeName }

    func encode(to encoder: any Encoder) throws {
        var root = encoder.container(keyedBy: Keys.self)
        var status = root.nestedContainer(keyedBy: Keys.self, forKey: .status)
        if nodeName.isEmpty { try status.encodeNil(forKey: .nominatedNodeName) } else { try status.encode(nodeName, forKey: .nominatedNodeName) }
    }
}
