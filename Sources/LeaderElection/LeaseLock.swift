// Stage 4 · LeaderElection: the lock is a Lease, read and written through the API server.
//
// client-go's `resourcelock.LeaseLock`. Taking the lock is one write that only one
// candidate can win: a create of a Lease that does not exist (the loser gets 409
// AlreadyExists), or an update of one read a moment ago, sent with that read's
// resourceVersion (the loser gets 409 Conflict, because the winner's write changed it).
// So the lock needs no locking of its own: the API server's optimistic concurrency is it.

import API
import APIMachinery
import Client
import SchedulingKinds

/// Where the election is held (`kube-system/kube-scheduler` for the scheduler) and who is asking.
public struct LeaseLock: Sendable, Hashable, CustomStringConvertible {
    /// The Lease's namespace and name.
    public let namespace: String
    public let name: String
    /// This candidate's identity, written as the Lease's `holderIdentity` when it leads.
    public let identity: String

    public init(namespace: String, name: String, identity: String) {
        self.namespace = namespace
        self.name = name
        self.identity = identity
    }

    /// `namespace/name`, as client-go's `Describe` and its log lines say it.
    public var description: String { "\(namespace)/\(name)" }

    /// The Lease and its record; throws NotFound when no one has created it yet.
    func get(_ client: APIClient) async throws(APIError) -> Lease {
        try await client.get(Lease.self, namespace: namespace, name: name)
    }

    /// Creates the Lease holding `record`; AlreadyExists means another candidate was first.
    func create(_ record: LeaderElectionRecord, _ client: APIClient) async throws(APIError) -> Lease {
        try await client.create(Lease(metadata: ObjectMeta(name: name, namespace: namespace), spec: record.leaseSpec))
    }

    /// Writes `record` over `lease` as it was read; Conflict means someone wrote it since.
    func update(_ lease: Lease, to record: LeaderElectionRecord, _ client: APIClient) async throws(APIError) -> Lease {
        var lease = lease
        lease.spec = record.leaseSpec
        return try await client.update(lease)
    }
}
