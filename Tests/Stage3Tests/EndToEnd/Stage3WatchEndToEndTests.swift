// Stage 3's acceptance suite, part 1: `stage3 up` watched by kubectl 1.27 and 1.33, by a
// raw watch as curl sends it, and by the Python client, on one cluster.
//
// Every watcher must see each change (ADDED, MODIFIED, DELETED, told apart, as stage 2's
// polling could not), the kubelet must start a pod and confirm its deletion, and
// `kubectl delete` must return once the containers are gone. How fast is measured by the
// benchmark program (`bench pods`), not asserted here: see `RunningCluster.promptly`.

import Foundation
import Synchronization
import Testing
@testable import TestSupport

@Suite("Stage 3 end to end: watches", .serialized, .tags(.endToEnd),
       .enabled(if: Tools.isInstalled("kubectl"), "kubectl is not installed: the stage 3 end-to-end tests need it"))
struct Stage3WatchEndToEndTests {
    /// One kubectl watcher: what it runs, and how its lines name the pod.
    struct Watcher {
        let process: StageProcess
        let tool: String
        /// The kind of output: "table", "events", "json".
        let format: String

        /// True when `line` shows a change of pod `name` (`events`: of that event type).
        func shows(_ name: String, _ event: String, in line: String) -> Bool {
            switch format {
            case "json": line.contains(#""name": "\#(name)""#)
            case "events": line.hasPrefix(event) && line.contains(" \(name) ")
            default: line.hasPrefix("\(name) ")
            }
        }
    }

    @Test func everyWatcherSeesEachChangeAndTheKubeletActsOnIt() async throws {
        let cluster = try await RunningCluster.stage3()
        defer { Task { await cluster.cleanUp() } }
        try await Self.everyWatcherSeesEachChangeAndTheKubeletActsOnIt(on: cluster)
        try await cluster.interrupt()
    }

    /// The suite's checks on a running `stage3 up`, whatever its store: the etcd suite
    /// (Stage3EtcdEndToEndTests) runs them on `stage3 up --etcd`. Leaves the pod `first`.
    static func everyWatcherSeesEachChangeAndTheKubeletActsOnIt(on cluster: RunningCluster) async throws {
        // A pod that exists before the watches: seeing it says the watch is established.
        _ = try await cluster.kubectl("create", "-f", "-", input: cluster.unboundPodManifest("first"))

        var watchers: [Watcher] = []
        for tool in Tools.kubectls(minors: [27, 33]) {
            watchers.append(Watcher(process: try cluster.start(["get", "pods", "-w"], tool: tool), tool: tool, format: "table"))
            watchers.append(Watcher(process: try cluster.start(["get", "pods", "-w", "--output-watch-events"], tool: tool),
                                    tool: tool, format: "events"))
            watchers.append(Watcher(process: try cluster.start(["get", "pods", "-w", "-o", "json"], tool: tool), tool: tool, format: "json"))
        }
        defer { for watcher in watchers { Task { await watcher.process.shutdown() } } }
        // A raw watch of one pod by name, as curl would send it: it must never see `first`.
        let byName = try await TestHTTPClient().stream(
            port: cluster.port, path: "/api/v1/namespaces/default/pods?watch=true&fieldSelector=metadata.name%3Dweb",
            headers: cluster.authorization)
        defer { byName.cancel() }
        let rawLines = LineCollector()
        let rawReader = Task { for try await line in byName.lines { rawLines.append(line) } }
        defer { rawReader.cancel() }
        for watcher in watchers {
            try await watcher.process.waitForLine(from: 0, timeout: WaitPolicy.defaultTimeout, "the pod first") {
                watcher.shows("first", "ADDED", in: $0)
            }
        }

        // Created: every watcher sees it, and the kubelet runs it.
        var marks = watchers.map { $0.process.lines.count }
        let created = try await cluster.kubectl("create", "-f", "-", input: cluster.podManifest("web"))
        var deadline = ContinuousClock.now + RunningCluster.promptly
        #expect(created.status == 0, "\(created.output)")
        for (watcher, mark) in zip(watchers, marks) {
            try await watcher.process.waitForLine(from: mark, timeout: remaining(until: deadline), "\(watcher.tool): web added") {
                watcher.shows("web", "ADDED", in: $0)
            }
        }
        try await eventually("web's raw watch to show it Running", timeout: remaining(until: deadline)) {
            rawLines.lines.contains { $0.contains(#""phase":"Running""#) }
        }

        // Changed: a label, seen by every watcher as a change.
        marks = watchers.map { $0.process.lines.count }
        let labelled = try await cluster.kubectl("label", "pod", "web", "watched=yes")
        deadline = ContinuousClock.now + RunningCluster.promptly
        #expect(labelled.status == 0, "\(labelled.output)")
        for (watcher, mark) in zip(watchers, marks) {
            try await watcher.process.waitForLine(from: mark, timeout: remaining(until: deadline), "\(watcher.tool): web modified") {
                watcher.format == "json" ? $0.contains(#""watched": "yes""#) : watcher.shows("web", "MODIFIED", in: $0)
            }
        }

        // Deleted: `kubectl wait --for=delete` and `kubectl delete` return as soon as the
        // kubelet has stopped the container and confirmed the deletion.
        let waiter = try cluster.start(["wait", "--for=delete", "pod/web", "--timeout=60s"])
        defer { Task { await waiter.shutdown() } }
        marks = watchers.map { $0.process.lines.count }
        let deleted = try await cluster.kubectl("delete", "pod", "web")
        deadline = ContinuousClock.now + RunningCluster.promptly
        #expect(deleted.status == 0 && deleted.output.contains(#"pod "web" deleted"#), "\(deleted.output)")
        for (watcher, mark) in zip(watchers, marks) where watcher.format == "events" {
            try await watcher.process.waitForLine(from: mark, timeout: remaining(until: deadline), "\(watcher.tool): web deleted") {
                watcher.shows("web", "DELETED", in: $0)
            }
        }
        try await eventually("web's raw watch to end with DELETED", timeout: remaining(until: deadline)) {
            rawLines.lines.last?.hasPrefix(#"{"type":"DELETED""#) == true
        }
        #expect(try await cluster.containerProcesses().isEmpty, "kubectl delete returns once the containers are gone")
        let waited = try await withDeadline(seconds: 5) { try await waiter.waitForExit() }
        #expect(waited == 0, "\(waiter.output)")
        #expect(rawLines.lines.first?.hasPrefix(#"{"type":"ADDED""#) == true, "\(rawLines.lines)")
        #expect(!rawLines.lines.contains { $0.contains(#""name":"first""#) }, "a metadata.name=web watch sees web only")
        #expect(byName.status == 200)

        try await pythonWatchesEveryChangeInOrderAndResumes(on: cluster)
    }

    /// `watch.Watch().stream(...)`: every change in order, then a resume from its version.
    static func pythonWatchesEveryChangeInOrderAndResumes(on cluster: RunningCluster) async throws {
        guard PythonClient.isAvailable else {
            print("skipped: python3 with the kubernetes package is not installed (pip install kubernetes): its watch is not checked")
            return
        }
        let run = try await PythonClient.run(PythonClient.watchInOrderAndResumeScript, on: cluster, named: "watch.py")
        #expect(run.status == 0, "\(run.output)")
        #expect(run.lines.contains("first ['ADDED py1 -', 'MODIFIED py1 1']"), "\(run.output)")
        #expect(run.lines.contains("second ['MODIFIED py1 2', 'DELETED py1 2']"), "\(run.output)")
    }
}

/// What is left of the time until `deadline`: every watcher's wait counts from the change,
/// not from the wait for the watcher before it.
func remaining(until deadline: ContinuousClock.Instant) -> Duration {
    max(.zero, deadline - ContinuousClock.now)
}

/// Lines read on one task and checked on another.
final class LineCollector: Sendable {
    private let state = Mutex<[String]>([])
    var lines: [String] { state.withLock { $0 } }
    func append(_ line: String) { state.withLock { $0.append(line) } }
}
