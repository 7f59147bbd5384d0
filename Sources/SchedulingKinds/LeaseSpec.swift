// Stage 4 · SchedulingKinds: who holds a lease, and until when (coordination.k8s.io/v1 `LeaseSpec`).
//
// A lease is held by renewing it: the holder rewrites `renewTime` more often than
// `leaseDurationSeconds`, and anyone who reads a `renewTime` older than that may take
// it. Every write goes through the API server's optimistic concurrency (the object's
// resourceVersion), so of two candidates that try at once exactly one succeeds.

import API
import APIMachinery

/// The state of a lease; written by its holder, read by everyone who waits for it.
public struct LeaseSpec: Sendable, Hashable {
    /// Who holds it: a scheduler's identity, or a kubelet's node name.
    public var holderIdentity: String?
    /// How long a renewal counts for.
    public var leaseDurationSeconds: Int32?
    /// When the current holder took it.
    public var acquireTime: MicroTime?
    /// When the holder last renewed it.
    public var renewTime: MicroTime?
    /// How many times it has changed hands.
    public var leaseTransitions: Int32?

    public init(holderIdentity: String? = nil, leaseDurationSeconds: Int32? = nil, acquireTime: MicroTime? = nil,
                renewTime: MicroTime? = nil, leaseTransitions: Int32? = nil) {
        self.holderIdentity = holderIdentity
        self.leaseDurationSeconds = leaseDurationSeconds
        self.acquireTime = acquireTime
        self.renewTime = renewTime
        self.leaseTransitions = leaseTransitions
    }
}

extension LeaseSpec: APIFields {
    public static let zero = LeaseSpec()
    public static let fields: [JSONField<LeaseSpec>] = [
        .pointer("holderIdentity", \.holderIdentity, "The identity of the holder."),
        .pointer("leaseDurationSeconds", \.leaseDurationSeconds, "How long, after renewTime, the holder may be taken to be gone."),
        .pointer("acquireTime", \.acquireTime, "When the current holder acquired the lease."),
        .pointer("renewTime", \.renewTime, "When the current holder last renewed the lease."),
        .pointer("leaseTransitions", \.leaseTransitions, "How many times the lease has changed holders."),
    ]
}
