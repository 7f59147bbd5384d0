// Stage 2 · APIServer: a pod as one row of `kubectl get pods`.
//
// `kubectl get` does not format objects itself: it asks the API server for a *Table*
// (`Accept: application/json;as=Table;g=meta.k8s.io;v=v1`), and the server sends the
// column names and each row's cells, already written. So the famous STATUS column
// (`Running`, `ContainerCreating`, `CrashLoopBackOff`, `Init:0/1`, `Terminating`) is
// computed here. This is a port of `printPod` from Kubernetes' `printers.go`, leaving
// out sidecar (restartable) init containers and scheduling gates, which this series
// does not have.

import API
import APIMachinery
import ClusterKinds

/// The columns and cells of pods in `kubectl get pods`.
public enum PodPrinter {
    /// The columns, in order; `kubectl get -o wide` also shows those with priority 1.
    public static let columns: [TableColumnDefinition] = [
        .init(name: "Name", type: "string", format: "name", description: "Name must be unique within a namespace.", priority: 0),
        .init(name: "Ready", type: "string", description: "The aggregate readiness state of this pod for accepting traffic.", priority: 0),
        .init(name: "Status", type: "string", description: "The aggregate status of the containers in this pod.", priority: 0),
        .init(name: "Restarts", type: "string", description: "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.", priority: 0),
        .init(name: "Age", type: "string", description: "CreationTimestamp is a timestamp representing the server time when this object was created.", priority: 0),
        .init(name: "IP", type: "string", description: "IP address allocated to the pod. Routable at least within the cluster.", priority: 1),
        .init(name: "Node", type: "string", description: "NodeName is a request to schedule this pod onto a specific node.", priority: 1),
        .init(name: "Nominated Node", type: "string", description: "nominatedNodeName is set when this pod preempts other pods on the node.", priority: 1),
        .init(name: "Readiness Gates", type: "string", description: "If specified, all readiness gates will be evaluated for pod readiness.", priority: 1),
    ]

    /// The pod's cells, at time `now`: name, ready, status, restarts, age, then the wide ones.
    public static func cells(_ pod: Pod, now: Time) -> [String] {
        let status = pod.status
        var reason = status.reason.isEmpty ? (status.phase?.rawValue ?? "") : status.reason
        var restarts = 0
        var readyContainers = 0
        var lastRestart = Time.zero
        func noteRestart(_ container: ContainerStatus) {
            restarts += Int(container.restartCount)
            if let finished = container.lastState.terminated?.finishedAt, finished > lastRestart { lastRestart = finished }
        }

        var initializing = false
        for (index, container) in status.initContainerStatuses.enumerated() {
            noteRestart(container)
            if let terminated = container.state.terminated, terminated.exitCode == 0 { continue }
            if let terminated = container.state.terminated {
                reason = "Init:" + (terminated.reason.isEmpty
                    ? (terminated.signal != 0 ? "Signal:\(terminated.signal)" : "ExitCode:\(terminated.exitCode)")
                    : terminated.reason)
            } else if let waiting = container.state.waiting, !waiting.reason.isEmpty, waiting.reason != "PodInitializing" {
                reason = "Init:" + waiting.reason
            } else {
                reason = "Init:\(index)/\(pod.spec.initContainers.count)"
            }
            initializing = true
            break
        }

        let initialized = status.conditions.contains { $0.type == .initialized && $0.status == .true }
        if !initializing || initialized {
            restarts = 0
            lastRestart = .zero
            var hasRunning = false
            for container in status.containerStatuses.reversed() {
                noteRestart(container)
                if let waiting = container.state.waiting, !waiting.reason.isEmpty {
                    reason = waiting.reason
                } else if let terminated = container.state.terminated {
                    reason = terminated.reason.isEmpty
                        ? (terminated.signal != 0 ? "Signal:\(terminated.signal)" : "ExitCode:\(terminated.exitCode)")
                        : terminated.reason
                } else if container.ready && container.state.running != nil {
                    hasRunning = true
                    readyContainers += 1
                }
            }
            if reason == "Completed" && hasRunning {
                reason = status.conditions.contains { $0.type == .ready && $0.status == .true } ? "Running" : "NotReady"
            }
        }

        let isTerminal = status.phase == .succeeded || status.phase == .failed
        if pod.metadata.deletionTimestamp != nil && status.reason == "NodeLost" {
            reason = "Unknown"
        } else if pod.metadata.deletionTimestamp != nil && !isTerminal {
            reason = "Terminating"
        }

        var restartsText = "\(restarts)"
        if restarts != 0 && !lastRestart.isZero {
            restartsText += " (\(age(since: lastRestart, now: now)) ago)"
        }
        let podIP = status.podIPs.first?.ip ?? ""
        return [
            pod.metadata.name,
            "\(readyContainers)/\(pod.spec.containers.count)",
            reason,
            restartsText,
            age(since: pod.metadata.creationTimestamp, now: now),
            podIP.isEmpty ? "<none>" : podIP,
            pod.spec.nodeName.isEmpty ? "<none>" : pod.spec.nodeName,
            // Stage 4 > preemption nominates a node, and `kubectl get pods -o wide` shows it
            pod.status.nominatedNodeName.isEmpty ? "<none>" : pod.status.nominatedNodeName,
            // Stage 4 <
            "<none>",
        ]
    }

    /// Kubernetes' `translateTimestampSince`: `<unknown>` for a zero time, else a human duration.
    public static func age(since time: Time, now: Time) -> String {
        time.isZero ? "<unknown>" : HumanDuration.format(seconds: now.secondsSince1970 - time.secondsSince1970)
    }
}
