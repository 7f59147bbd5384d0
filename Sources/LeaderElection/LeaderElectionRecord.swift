// Stage 4 · LeaderElection: what a lock says about its leader, whatever kind of object holds it.
//
// client-go's leader election can keep its lock in several kinds of object (once
// ConfigMaps and Endpoints, now Leases), so it reads and writes a neutral record and lets
// each lock translate (`resourcelock/interface.go`'s `LeaderElectionRecord`). Only the
// Lease lock is built here; the record keeps the elector's logic apart from the Lease's
// JSON all the same.

import APIMachinery
import SchedulingKinds

/// The leader, as the elector reads it from and writes it to its lock.
public struct LeaderElectionRecord: Sendable, Hashable {
    /// Who leads; empty when no one does.
    public var holderIdentity: String
    /// How long after its last renewal the leader counts as gone, in whole seconds.
    public var leaseDurationSeconds: Int32
    public var acquireTime: MicroTime
    public var renewTime: MicroTime
    /// How many times leadership has changed hands.
    public var leaderTransitions: Int32

    public init(holderIdentity: String, leaseDurationSeconds: Int32, acquireTime: MicroTime, renewTime: MicroTime,
                leaderTransitions: Int32 = 0) {
        self.holderIdentity = holderIdentity
        self.leaseDurationSeconds = leaseDurationSeconds
        self.acquireTime = acquireTime
        self.renewTime = renewTime
        self.leaderTransitions = leaderTransitions
    }

    /// The record a Lease holds (client-go's `LeaseSpecToLeaderElectionRecord`).
    public init(_ spec: LeaseSpec) {
        self.init(
            holderIdentity: spec.holderIdentity ?? "", leaseDurationSeconds: spec.leaseDurationSeconds ?? 0,
            acquireTime: spec.acquireTime ?? .zero, renewTime: spec.renewTime ?? .zero,
            leaderTransitions: spec.leaseTransitions ?? 0)
    }

    /// The Lease spec that holds this record (client-go's `LeaderElectionRecordToLeaseSpec`).
    public var leaseSpec: LeaseSpec {
        LeaseSpec(
            holderIdentity: holderIdentity, leaseDurationSeconds: leaseDurationSeconds, acquireTime: acquireTime,
            renewTime: renewTime, leaseTransitions: leaderTransitions)
    }
}
