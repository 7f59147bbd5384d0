// Stage 3 · WatchCache end-to-end tests: the real kubectl 1.27 and 1.33 watching through the Cacher.
//
// `kubectl get -w` asks for its events as Tables (one row each, the columns in the first
// only), `-o json` and `--output-watch-events` ask differently, `get pod NAME -w` watches
// one object by `fieldSelector=metadata.name=NAME` from version "0", and `kubectl wait
// --for=delete` watches until the object is gone. Each runs here against an in-process API
// server whose watches are the cacher's, the pod changed by the test's own client.

import API
import APIMachinery
import Client
import ClusterKinds
import Foundation
import Testing
@testable import TestSupport

@Suite("Stage 3 kubectl watches end to end", .serialized, .tags(.endToEnd),
       .enabled(if: Tools.isInstalled("kubectl"), "kubectl is not installed: the kubectl watch tests need it"))
struct KubectlWatchEndToEndTests {
    static let kubectls = Tools.kubectls(minors: [27, 33])

    @Test(arguments: kubectls) func getPodsWatchPrintsOneRowPerChangeUnderOneHeader(kubectl: String) async throws {
        try await withKubectlCluster { server, kubeconfig in
            try await server.client.create(makePod("web"))
            let watch = try Self.start(kubectl, kubeconfig, ["get", "pods", "-w"])
            defer { Task { await watch.shutdown() } }
            try await watch.waitForLine(containing: "web ")
            try await Self.label(server, "web")
            let rows = { watch.output.split(separator: "\n").filter { $0.hasPrefix("web ") } }
            try await eventually("\(kubectl) to print the labelled pod as a second row") { rows().count >= 2 }
            try await deleteNow(server.client, "web")
            try await eventually("\(kubectl) to print the deleted pod as a third row") { rows().count >= 3 }
            #expect(watch.output.split(separator: "\n").filter { $0.hasPrefix("NAME ") }.count == 1, "\(watch.output)")
            #expect(rows().allSatisfy { $0.split(separator: " ").prefix(3) == ["web", "0/1", "Pending"] }, "\(watch.output)")
        }
    }

    @Test(arguments: kubectls) func watchEventsArePrintedWithTheirTypes(kubectl: String) async throws {
        try await withKubectlCluster { server, kubeconfig in
            try await server.client.create(makePod("web"))
            let watch = try Self.start(kubectl, kubeconfig, ["get", "pods", "-w", "--output-watch-events"])
            defer { Task { await watch.shutdown() } }
            try await watch.waitForLine(containing: "web ")
            try await Self.label(server, "web")
            try await deleteNow(server.client, "web")
            let kinds = { watch.output.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) } }
            try await eventually("\(kubectl) to print the DELETED row") { kinds().contains("DELETED") }
            #expect(kinds() == ["EVENT", "ADDED", "MODIFIED", "DELETED"], "\(watch.output)")
        }
    }

    @Test(arguments: kubectls) func watchAsJSONPrintsEachObject(kubectl: String) async throws {
        try await withKubectlCluster { server, kubeconfig in
            try await server.client.create(makePod("web"))
            let watch = try Self.start(kubectl, kubeconfig, ["get", "pods", "-w", "-o", "json"])
            defer { Task { await watch.shutdown() } }
            try await watch.waitForLine(containing: #""name": "web""#)
            try await Self.label(server, "web")
            try await watch.waitForLine(containing: #""watched": "yes""#)
            #expect(!watch.output.contains("\"kind\": \"Table\""), "\(watch.output)")
        }
    }

    @Test(arguments: kubectls) func getOnePodWatchFollowsThatPodOnly(kubectl: String) async throws {
        try await withKubectlCluster { server, kubeconfig in
            try await server.client.create(makePod("web"))
            try await server.client.create(makePod("other"))
            let watch = try Self.start(kubectl, kubeconfig, ["get", "pod", "web", "-w"])
            defer { Task { await watch.shutdown() } }
            try await watch.waitForLine(containing: "web ")
            try await Self.label(server, "other")
            try await Self.label(server, "web")
            let rows = { watch.output.split(separator: "\n").filter { $0.hasPrefix("web ") } }
            try await eventually("\(kubectl) to print web's change") { rows().count >= 2 }
            #expect(!watch.output.contains("other"), "\(watch.output)")
            #expect(rows().count == 2, "the first ADDED of a single object is not printed twice: \(watch.output)")
        }
    }

    @Test(arguments: kubectls) func waitForDeleteReturnsWhenThePodIsGone(kubectl: String) async throws {
        try await withKubectlCluster { server, kubeconfig in
            try await server.client.create(makePod("web"))
            let wait = try Self.start(kubectl, kubeconfig, ["wait", "--for=delete", "pod/web", "--timeout=60s"])
            defer { Task { await wait.shutdown() } }
            // The pod is deleted once kubectl is watching it: its watch is a client of the pods' cache.
            try await eventually("\(kubectl) to watch the pod") { server.cacher.clientCount(of: Pod.resource) ?? 0 >= 1 }
            try await deleteNow(server.client, "web")
            #expect(try await wait.waitForExit(timeout: .seconds(60)) == 0, "\(wait.output)")
            #expect(wait.output.contains("pod/web condition met"), "\(wait.output)")
        }
    }

    // MARK: Helpers

    static func start(_ kubectl: String, _ kubeconfig: URL, _ arguments: [String]) throws -> StageProcess {
        try StageProcess(executable: URL(fileURLWithPath: kubectl), arguments: ["--kubeconfig", kubeconfig.path] + arguments,
                         name: "\(URL(fileURLWithPath: kubectl).lastPathComponent) \(arguments.joined(separator: " "))")
    }

    /// Labels pod `name` through the test's client, so the watch sees a MODIFIED.
    static func label(_ server: CachingServer, _ name: String) async throws {
        var pod = try await server.client.get(Pod.self, namespace: "default", name: name)
        pod.metadata.labels["watched"] = "yes"
        try await server.client.update(pod)
    }
}

/// Runs `body` with a caching API server and a kubeconfig file for it; removes the file after.
func withKubectlCluster(_ body: (CachingServer, URL) async throws -> Void) async throws {
    try await withCachingAPIServer { server in
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubectl-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let kubeconfig = directory.appendingPathComponent("kubeconfig")
        try """
        apiVersion: v1
        kind: Config
        clusters:
        - name: test
          cluster:
            server: http://127.0.0.1:\(server.port)
        contexts:
        - name: test
          context:
            cluster: test
            user: test
            namespace: default
        users:
        - name: test
          user: {}
        current-context: test
        """.write(to: kubeconfig, atomically: true, encoding: .utf8)
        try await body(server, kubeconfig)
    }
}
