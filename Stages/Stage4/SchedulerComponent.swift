// Stage 4: the scheduler's part of the composition root: its flags, and how it is run.
//
// `stage4 scheduler` and `stage4 up` both run a `Scheduler` inside a `LeaderElector`, as
// kube-scheduler runs: every copy campaigns for the Lease `kube-system/kube-scheduler`,
// and only the holder schedules. A copy that loses the lease stops scheduling and exits
// ("leaderelection lost"), to be restarted and campaign again. `--leader-elect=false`
// schedules at once, without a lease, as kube-scheduler's flag of the same name.

import Client
import Common
import Foundation
import HTTPClient
import LeaderElection
import Scheduler

/// The flags of `stage4 scheduler`, under kube-scheduler's names (its configuration
/// file's fields, for the ones it has no flag for).
let schedulerFlags = [
    Flag("apiserver", "URL", default: "http://127.0.0.1:8080", help: "the API server to watch and bind through"),
    Flag("token-file", "FILE", help: "a file holding the bearer token the scheduler sends the API server"),
    Flag("scheduler-name", "NAME", default: SchedulerConfiguration.Defaults.schedulerName,
         help: "the spec.schedulerName of the pods this scheduler places"),
    Flag("percentage-of-nodes-to-score", "N", default: "\(SchedulerConfiguration.Defaults.percentageOfNodesToScore)",
         help: "of all nodes, the share (%) to find feasible before scoring; 0 for Kubernetes' rule (all below 100 nodes)"),
    Flag("pod-initial-backoff", "DURATION", default: "1s", help: "the first back-off of a pod that did not fit, doubled each time"),
    Flag("pod-max-backoff", "DURATION", default: "10s", help: "the longest back-off of a pod that did not fit"),
] + LeaderElector.flags

/// The scheduler's flags that `up` takes too (the rest `up` sets itself).
let schedulerFlagsInUp = schedulerFlags.filter { !["apiserver", "token-file"].contains($0.name) }

/// Runs a scheduler against `server` until cancelled, leading (or waiting to) as the flags say.
func runScheduler(server: String, token: String?, flags: ParsedFlags, logger: Logger) async throws {
    // Binding cycles run side by side, each a POST: keep as many connections alive as
    // client-go's transport does, or each binding past the fourth dials a new one.
    let client = try APIClient(http: HTTPClient(baseURL: server, maxIdleConnections: SchedulerConfiguration.Defaults.maxIdleConnections,
                                                bearerToken: token))
    let configuration = SchedulerConfiguration(
        schedulerName: flags.string("scheduler-name")!,
        percentageOfNodesToScore: Int32(try flags.int("percentage-of-nodes-to-score")),
        podInitialBackoff: try flags.duration("pod-initial-backoff"), podMaxBackoff: try flags.duration("pod-max-backoff"))
    let scheduler = Scheduler(client: client, configuration: configuration, logger: logger)
    // Every copy campaigns for the lease; only its holder schedules (nil: `--leader-elect=false`).
    guard let elector = try LeaderElector(flags: flags, client: client, eventSource: configuration.schedulerName,
                                          logger: logger.labelled("leader-election")) else {
        return try await scheduler.run()
    }
    try await elector.run { try await scheduler.run() }
}
