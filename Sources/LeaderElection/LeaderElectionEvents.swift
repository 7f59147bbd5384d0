// Stage 4 · LeaderElection: the Events an election leaves, and the identity a candidate uses.
//
// client-go's lease lock writes a Normal Event with reason `LeaderElection` on the Lease
// when a candidate becomes leader or stops leading (`kubectl get events -n kube-system`
// shows `default-scheduler-…_uuid became leader`). A candidate's identity is its host
// name and a fresh UUID (kube-scheduler's `hostname_uuid`), so that two copies on one
// machine, or a copy and its restart, are told apart.

import API
import ClusterKinds
import Foundation
import SchedulingKinds

/// How an election names its candidates and words its Events.
public enum LeaderElectionEvents {
    /// The reason of every election Event.
    public static let reason = "LeaderElection"

    /// `hostname_uuid`, kube-scheduler's identity for a candidate on this machine.
    public static func makeIdentity(hostname: String = ProcessInfo.processInfo.hostName) -> String {
        "\(hostname)_\(UUID().uuidString.lowercased())"
    }

    /// The Event `message` on `lease`, named `<lease>.<unix ns in hex>` as client-go names events.
    static func event(_ message: String, lease: Lease, component: String, host: String, now: Date) -> Event {
        let nanoseconds = UInt64(now.timeIntervalSince1970 * 1_000_000_000)
        let namespace = lease.metadata.namespace
        return Event(
            metadata: ObjectMeta(name: "\(lease.metadata.name).\(String(nanoseconds, radix: 16))", namespace: namespace),
            involvedObject: ObjectReference(
                kind: "Lease", namespace: namespace, name: lease.metadata.name, uid: lease.metadata.uid,
                apiVersion: "coordination.k8s.io/v1", resourceVersion: lease.metadata.resourceVersion),
            reason: reason, message: message,
            source: EventSource(component: component),
            firstTimestamp: Time(now), lastTimestamp: Time(now), count: 1, type: "Normal",
            reportingComponent: component, reportingInstance: host)
    }
}
