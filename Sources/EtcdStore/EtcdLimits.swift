// Stage 3 · EtcdStore: every limit and timing of the etcd client, in one place.

/// The etcd client's timeouts, retry timings and sizes.
public enum EtcdLimits {
    /// How long one request to one member may take. etcd gives up on a proposal itself
    /// after about 7 s (5 s plus two election timeouts), so a member that is up answers
    /// within this, even if only to say it failed.
    public static let requestTimeout = Duration.seconds(10)

    /// How long a request keeps trying the members, round after round, before the store
    /// reports etcd unavailable. Long enough for the survivors of a killed leader to elect
    /// a new one (about a second with etcd's defaults); short enough that a caller whose
    /// etcd is gone hears so while it still cares.
    public static let failoverPatience = Duration.seconds(10)

    /// The pause between two rounds over all members, so a cluster electing a leader is
    /// not hammered.
    public static let failoverPause = Duration.milliseconds(100)

    /// Idle connections kept per member: one per concurrent request the API server
    /// commonly has in flight, so a burst of writes does not dial anew each time.
    public static let idleConnectionsPerEndpoint = 16
}
