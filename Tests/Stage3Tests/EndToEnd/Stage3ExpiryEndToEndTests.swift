// Stage 3's acceptance suite, part 2: what a watcher is told when the history it asks
// for is gone, by compaction or by a restart, and that `kill -9` loses nothing
// acknowledged. One cluster, compacting every `compactionInterval`, killed once. Before
// the kill its watches read the store's history directly (`--watch-cache=false`): the
// watch cache would serve a recent version from memory, compacted or not, as Kubernetes'
// does. After the restart it runs as a learner runs it, watch cache and all.

import Foundation
import Testing
@testable import TestSupport

@Suite("Stage 3 end to end: expired watches and kill -9", .serialized, .tags(.endToEnd),
       .enabled(if: Tools.isInstalled("kubectl"), "kubectl is not installed: the stage 3 end-to-end tests need it"))
struct Stage3ExpiryEndToEndTests {
    /// Short, so that a version is compacted away within a few seconds.
    static let compactionInterval = "2s"
    static let arguments = ["--etcd-compaction-interval", compactionInterval, "--watch-cache=false"]
    /// How many `kubectl create` run at once when the cluster is killed.
    static let concurrentCreates = 6

    /// A raw watch from `resourceVersion` that must be refused: `200 OK`, one ERROR
    /// event carrying `410 Expired`, then the end of the stream (the GET returns).
    func expectExpired(_ cluster: RunningCluster, from resourceVersion: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let response = try await cluster.rawGet("/api/v1/namespaces/default/pods?watch=true&resourceVersion=\(resourceVersion)")
        let lines = response.body.split(separator: "\n")
        #expect(response.status == 200, "\(response.body)", sourceLocation: sourceLocation)
        #expect(lines.count == 1, "one event, then the end: \(response.body)", sourceLocation: sourceLocation)
        let event = lines.first.map(String.init) ?? ""
        #expect(event.hasPrefix(#"{"type":"ERROR","object":{"#), "\(event)", sourceLocation: sourceLocation)
        for part in [#""kind":"Status""#, #""status":"Failure""#, #""reason":"Expired""#, #""code":410"#,
                     #""message":"too old resource version: \#(resourceVersion) ("#] {
            #expect(event.contains(part), "\(part) in \(event)", sourceLocation: sourceLocation)
        }
    }

    @Test func anOldVersionIsAnsweredWith410AndKillNineLosesNothingAcknowledged() async throws {
        let first = try await RunningCluster.stage3(arguments: Self.arguments)
        defer { Task { await first.cleanUp(keepDirectory: true) } }

        // Compaction: a version from before two compactor ticks is gone for a watch.
        _ = try await first.kubectl("create", "-f", "-", input: first.unboundPodManifest("old"))
        let old = try await first.resourceVersion(at: "/api/v1/namespaces/default/pods/old")
        _ = try await first.kubectl("create", "-f", "-", input: first.unboundPodManifest("newer"))
        try await eventually("a watch from \(old) to be refused as compacted") {
            let probe = try await first.rawGet("/api/v1/namespaces/default/pods?watch=true&resourceVersion=\(old)&timeoutSeconds=1")
            return probe.body.contains(#""code":410"#)
        }
        try await expectExpired(first, from: old)
        // A list read at that version is gone too: a plain 410, as Kubernetes answers it.
        let exact = try await first.rawGet("/api/v1/namespaces/default/pods?resourceVersion=\(old)&resourceVersionMatch=Exact")
        #expect(exact.status == 410 && exact.body.contains(#""reason":"Expired""#)
                && exact.body.contains("The resourceVersion for the provided list is too old."), "\(exact.body)")

        // kill -9 while several clients create: whatever was acknowledged survives.
        let beforeRestart = try await first.resourceVersion(at: "/api/v1/namespaces/default/pods")
        let creates = try (0..<Self.concurrentCreates).map { try first.start(["create", "namespace", "load-\($0)"]) }
        try await eventually("half of the creates to be acknowledged") {
            creates.filter { $0.exitStatus == 0 }.count >= Self.concurrentCreates / 2
        }
        first.process.kill()
        _ = try await first.process.waitForExit()
        var acknowledged: [String] = []
        for (index, create) in creates.enumerated() {
            if try await create.waitForExit(timeout: .seconds(120)) == 0, create.output.contains("created") {
                acknowledged.append("namespace/load-\(index)")
            }
        }
        await first.cleanUp(keepDirectory: true)

        let second = try await RunningCluster.stage3(
            directory: first.directory, marker: first.marker)
        defer { Task { await second.cleanUp() } }
        let namespaces = try await second.kubectl("get", "namespaces", "-o", "name")
        for name in acknowledged {
            #expect(namespaces.output.contains(name), "\(name) was acknowledged before kill -9: \(namespaces.output)")
        }
        // The history did not survive the restart: a watch from before it is told so, at once.
        try await expectExpired(second, from: beforeRestart)
        try await pythonRelistsAfter410(on: second, from: beforeRestart)
        try await second.interrupt()
    }

    /// The Python client, resuming from before the restart: its 410, a list, a new watch.
    func pythonRelistsAfter410(on cluster: RunningCluster, from resourceVersion: String) async throws {
        guard PythonClient.isAvailable else {
            print("skipped: python3 with the kubernetes package is not installed (pip install kubernetes): its 410 is not checked")
            return
        }
        let run = try await PythonClient.run(PythonClient.expiredWatchScript(from: resourceVersion), on: cluster, named: "expired.py")
        #expect(run.status == 0, "\(run.output)")
        #expect(run.lines.first == "expired 410", "\(run.output)")
        #expect(run.lines.contains("relisted ['newer', 'old']"), "\(run.output)")
        #expect(run.lines.contains("event ADDED after-410"), "\(run.output)")
    }
}
