// Stage 1 · Kubelet tests: pods and runtime records built by hand.
//
// The kubelet's pure pieces (the status generator, the back-off) are checked with plain
// values: a pod spec, and the `ContainerRecord`s a pod worker would hold after asking
// the runtime. These helpers build them with one line per fact a test cares about.

import API
import CRI
import Foundation
@testable import Kubelet

/// Pods, container records and status generators for the kubelet's unit tests.
enum KubeletFixtures {
    /// A fixed moment, so that times in statuses are predictable.
    static let start = Date(timeIntervalSince1970: 1_700_000_000)

    /// A pod with containers (and init containers) of the given names, all running busybox.
    static func pod(
        name: String = "hello",
        containers: [String] = ["web"],
        initContainers: [String] = [],
        restartPolicy: RestartPolicy = .always
    ) -> Pod {
        var pod = Pod(metadata: ObjectMeta(name: name, namespace: "default", uid: "uid-\(name)"))
        pod.spec.containers = containers.map { Container(name: $0, image: "busybox") }
        pod.spec.initContainers = initContainers.map { Container(name: $0, image: "busybox") }
        pod.spec.restartPolicy = restartPolicy
        return pod
    }

    /// The runtime's report on one attempt of container `name`.
    static func runtimeStatus(
        _ name: String, state: RuntimeContainerState, exitCode: Int32 = 0, attempt: Int = 0, logPath: String = "/dev/null"
    ) -> RuntimeContainerStatus {
        let isExited = state == .exited
        return RuntimeContainerStatus(
            id: "\(name)-\(attempt)", podSandboxID: "sandbox", metadata: ContainerMetadata(name: name, attempt: UInt32(attempt)),
            state: state, createdAt: start, startedAt: start, finishedAt: isExited ? start.addingTimeInterval(5) : nil,
            exitCode: exitCode, reason: isExited ? (exitCode == 0 ? "Completed" : "Error") : "",
            image: "busybox", logPath: logPath
        )
    }

    /// A worker's record of container `name`, currently running.
    static func running(_ name: String, attempt: Int = 0, previous: RuntimeContainerStatus? = nil) -> ContainerRecord {
        ContainerRecord(id: "\(name)-\(attempt)", restartCount: attempt,
                        status: runtimeStatus(name, state: .running, attempt: attempt), previous: previous)
    }

    /// A worker's record of container `name`, exited with `exitCode`.
    static func exited(_ name: String, exitCode: Int32, attempt: Int = 0) -> ContainerRecord {
        ContainerRecord(id: "\(name)-\(attempt)", restartCount: attempt,
                        status: runtimeStatus(name, state: .exited, exitCode: exitCode, attempt: attempt))
    }

    /// A status generator for `pod` with the given records, keyed by container name.
    static func generator(
        _ pod: Pod,
        _ records: [ContainerRecord] = [],
        waiting: [String: WaitingReason] = [:],
        probeResults: [String: ProbeResults] = [:],
        hasFailedForGood: Bool = false
    ) -> PodStatusGenerator {
        PodStatusGenerator(
            pod: pod,
            containers: Dictionary(uniqueKeysWithValues: records.map { ($0.status.metadata.name, $0) }),
            waiting: waiting, probeResults: probeResults, hasFailedForGood: hasFailedForGood,
            hostIP: "127.0.0.1", startTime: Time(start)
        )
    }

    /// The status `generator` computes at the fixed start time, with no previous status.
    static func status(_ generator: PodStatusGenerator) -> PodStatus {
        generator.status(previous: nil, now: Time(start))
    }
}

extension PodStatus {
    /// The condition of `type`, which every generated status has.
    func condition(_ type: PodConditionType) -> PodCondition? {
        conditions.first { $0.type == type }
    }
}
