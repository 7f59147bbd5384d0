// Stage 3's acceptance suite, part 3: the cluster's objects in a real etcd, as
// `stage3 up --etcd URL` keeps them, watched, failed over and shared.
//
// Each test starts its own etcd (EtcdCluster.swift: one member, or three) and the
// `stage3` binary on it, the way a learner runs them. The watch suite's checks
// (Stage3WatchEndToEndTests) must pass unchanged over etcd, and etcdctl must find the
// pods under Kubernetes' key layout with each pod's resourceVersion as its mod_revision.
// A three-member etcd loses the member the API server talks to, its leader, and the
// cluster carries on; and two API servers on one etcd serve the same objects and watches,
// which is how Kubernetes makes its control plane highly available.

import Foundation
import Testing
@testable import TestSupport

@Suite("Stage 3 end to end over etcd", .serialized, .tags(.endToEnd),
       .enabled(if: etcdIsInstalled, "needs etcd and etcdctl on PATH (Debian: apt-get install etcd-server etcd-client)"),
       .enabled(if: Tools.isInstalled("kubectl"), "kubectl is not installed: the stage 3 end-to-end tests need it"))
struct Stage3EtcdEndToEndTests {
    @Test func theWatchChecksPassOverEtcdAndEtcdctlFindsEachPodAtItsResourceVersion() async throws {
        try await withEtcdCluster(members: 1) { etcd in
            let cluster = try await RunningCluster.stage3(arguments: ["--etcd", etcd.clientURLs.joined(separator: ",")])
            defer { Task { await cluster.cleanUp() } }
            try await Stage3WatchEndToEndTests.everyWatcherSeesEachChangeAndTheKubeletActsOnIt(on: cluster)

            // `first` was created with kubectl and is left; `web` came and went.
            let keys = try await etcd.etcdctl(["get", "--prefix", "--keys-only", "/registry/pods"])
            let listed = keys.split(separator: "\n").map(String.init)
            #expect(listed.contains("/registry/pods/default/first"), "\(keys)")
            #expect(!listed.contains("/registry/pods/default/web"), "\(keys)")
            let version = try await cluster.resourceVersion(at: "/api/v1/namespaces/default/pods/first")
            #expect(try await etcd.modRevision(of: "/registry/pods/default/first") == version)
            try await cluster.interrupt()
        }
    }

    @Test func killingTheEtcdLeaderTheAPIServerUsesLeavesTheClusterWorkingAndItsWatchesOpen() async throws {
        try await withEtcdCluster(members: 3) { etcd in
            // The leader is named first, so it is the member the API server talks to.
            let leader = try await waitUntil("etcd to have a leader") { await etcd.leader() }
            let others = etcd.members.filter { $0.name != leader.name }
            let members = ([leader] + others).map(\.clientURL).joined(separator: ",")
            let cluster = try await RunningCluster.stage3(arguments: ["--etcd", members])
            defer { Task { await cluster.cleanUp() } }
            _ = try await cluster.kubectl("create", "-f", "-", input: cluster.unboundPodManifest("before"))
            let watch = try cluster.start(["get", "pods", "-w", "--output-watch-events"])
            defer { Task { await watch.shutdown() } }
            let version = try await cluster.resourceVersion(at: "/api/v1/namespaces/default/pods")
            let raw = try await TestHTTPClient().stream(
                port: cluster.port, path: "/api/v1/namespaces/default/pods?watch=true&resourceVersion=\(version)")
            defer { raw.cancel() }
            let rawLines = LineCollector()
            let rawEnded = LineCollector()
            let rawReader = Task {
                do { for try await line in raw.lines { rawLines.append(line) } } catch { rawEnded.append("\(error)") }
                rawEnded.append("ended")
            }
            defer { rawReader.cancel() }
            try await watch.waitForLine(from: 0, timeout: WaitPolicy.defaultTimeout, "before added") { $0.hasPrefix("ADDED ") && $0.contains(" before ") }

            await etcd.kill(leader)
            let successor = try await waitUntil("the two survivors to elect a leader") { await etcd.leader(among: others) }
            #expect(successor.name != leader.name)

            let mark = watch.lines.count
            let created = try await cluster.kubectl("create", "-f", "-", input: cluster.unboundPodManifest("after"))
            #expect(created.status == 0, "\(created.output)")
            let got = try await cluster.kubectl("get", "pods", "-o", "name")
            #expect(got.status == 0 && got.output.contains("pod/before") && got.output.contains("pod/after"), "\(got.output)")
            try await watch.waitForLine(from: mark, timeout: WaitPolicy.defaultTimeout, "after added") { $0.hasPrefix("ADDED ") && $0.contains(" after ") }
            try await eventually("the raw watch to see after") { rawLines.lines.contains { $0.contains(#""name":"after""#) } }
            let deleted = try await cluster.kubectl("delete", "pod", "before")
            #expect(deleted.status == 0, "\(deleted.output)")
            try await watch.waitForLine(from: mark, timeout: WaitPolicy.defaultTimeout, "before deleted") { $0.hasPrefix("DELETED ") && $0.contains(" before ") }
            try await eventually("the raw watch to see before deleted") { rawLines.lines.contains { $0.hasPrefix(#"{"type":"DELETED""#) } }
            // Observed: neither watch noticed. The API server's store watch broke with the
            // member and was resumed on a survivor after the last revision it had seen
            // ("etcd watch broke, watching again" in its log), so both client watches stay
            // open on the same connection, each event once: kubectl did not have to resume.
            let events = watch.lines.compactMap { $0.split(separator: " ").first.map(String.init) }
            #expect(events == ["EVENT", "ADDED", "ADDED", "DELETED"], "\(watch.output)")
            #expect(watch.isRunning && rawEnded.lines.isEmpty, "\(watch.output) \(rawEnded.lines)")
            let rawEvents = rawLines.lines.map { $0.prefix(while: { $0 != "," }) }
            #expect(rawEvents == [#"{"type":"ADDED""#, #"{"type":"DELETED""#], "\(rawLines.lines)")
            try await cluster.interrupt()
        }
    }
}

/// Runs `body` with a new etcd of `members` members; stops it after, however `body` ends.
func withEtcdCluster(members: Int, _ body: (EtcdCluster) async throws -> Void) async throws {
    let etcd = try await EtcdCluster.start(members: members)
    do { try await body(etcd) } catch {
        await etcd.stop()
        throw error
    }
    await etcd.stop()
}

extension EtcdCluster {
    /// The `mod_revision` etcd holds for `key`, as a resourceVersion is written: the
    /// revision of the key's last write (`etcdctl get KEY -w json`).
    func modRevision(of key: String) async throws -> String {
        let output = try await etcdctl(["get", key, "-w", "json"])
        let answer = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let pairs = try #require(answer?["kvs"] as? [[String: Any]], "etcd has no \(key): \(output)")
        let revision = try #require(pairs.first?["mod_revision"] as? NSNumber, "no mod_revision in \(output)")
        return revision.stringValue
    }
}
