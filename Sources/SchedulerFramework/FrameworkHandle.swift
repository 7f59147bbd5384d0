// Stage 4 · SchedulerFramework: how plugins reach the API server without importing a client.
//
// Plugins are pure logic, testable without a network. The few that must write to the
// cluster (the binder, preemption) do it through this protocol, which the scheduler's
// composition implements with its API client and tests implement with a recorder.

import API
import SchedulingKinds

/// The cluster writes plugins may make (Kubernetes' framework.Handle, the parts used here).
public protocol FrameworkHandle: Sendable {
    /// `POST .../pods/{name}/binding`: DefaultBinder's write.
    func bind(_ binding: Binding) async throws
    /// Evicts a preemption victim to make room for `preemptor` on `nodeName`: the victim is
    /// told why (a `Preempted` event) and deleted.
    func preemptPod(_ victim: Pod, by preemptor: Pod, on nodeName: String) async throws
    /// Records the node a preempting pod waits for in `status.nominatedNodeName` ("" clears it).
    func setNominatedNodeName(_ pod: Pod, to nodeName: String) async throws
}
