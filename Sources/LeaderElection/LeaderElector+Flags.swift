// Stage 4 · LeaderElection: kube-scheduler's `--leader-elect…` flags, and their checks.
//
// The flags are those of every Kubernetes control-plane component (component-base's
// `BindLeaderElectionFlags`), with kube-scheduler's defaults: on, `kube-system/kube-scheduler`,
// 15 s / 10 s / 2 s. Durations that could not work (a renewal deadline past the lease, so
// two leaders could overlap) are refused before the component starts, naming the flag.

import Client
import Common

extension LeaderElector {
    /// The flags to add to a component's flags.
    public static let flags: [Flag] = [
        Flag("leader-elect", "BOOL", default: "true", help: "run only while holding the leader lease, so that one of several copies works"),
        Flag("leader-elect-lease-duration", "DURATION", default: "15s",
             help: "how long a standby waits after the leader's last renewal before taking over"),
        Flag("leader-elect-renew-deadline", "DURATION", default: "10s",
             help: "how long the leader keeps trying to renew before it stops leading"),
        Flag("leader-elect-retry-period", "DURATION", default: "2s", help: "how long between two tries to acquire or renew"),
        Flag("leader-elect-resource-namespace", "NAMESPACE", default: "kube-system", help: "the namespace of the lease"),
        Flag("leader-elect-resource-name", "NAME", default: "kube-scheduler", help: "the name of the lease"),
    ]

    /// A candidate as the flags describe it, identified as `hostname_uuid`; nil with
    /// `--leader-elect=false` (then the component just runs).
    public init?(flags: ParsedFlags, client: APIClient, eventSource: String? = nil, logger: Logger) throws(CommandLineError) {
        switch flags.string("leader-elect") {
        case "false": return nil
        case "true": break
        case let other: throw CommandLineError("flag --leader-elect expects true or false, got \(other ?? "nothing")")
        }
        let leaseDuration = try flags.duration("leader-elect-lease-duration")
        let renewDeadline = try flags.duration("leader-elect-renew-deadline")
        let retryPeriod = try flags.duration("leader-elect-retry-period")
        for (name, value) in [("lease-duration", leaseDuration), ("renew-deadline", renewDeadline), ("retry-period", retryPeriod)]
        where value <= .zero {
            throw CommandLineError("flag --leader-elect-\(name): must be greater than zero")
        }
        guard leaseDuration > renewDeadline else {
            throw CommandLineError("flag --leader-elect-lease-duration: LeaseDuration must be greater than RenewDeadline")
        }
        guard renewDeadline > retryPeriod * Self.jitterFactor else {
            throw CommandLineError("flag --leader-elect-renew-deadline: renewDeadline must be greater than retryPeriod*JitterFactor")
        }
        let lock = LeaseLock(
            namespace: flags.string("leader-elect-resource-namespace") ?? "kube-system",
            name: flags.string("leader-elect-resource-name") ?? "kube-scheduler",
            identity: LeaderElectionEvents.makeIdentity())
        self.init(client: client, lock: lock, leaseDuration: leaseDuration, renewDeadline: renewDeadline, retryPeriod: retryPeriod,
                  eventSource: eventSource, logger: logger)
    }
}
