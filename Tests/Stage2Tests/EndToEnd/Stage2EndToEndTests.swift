// Stage 2's acceptance suite: `stage2 up` driven by the real `kubectl`, as a learner drives it.

import API
import APIMachinery
import APIServer
import Foundation
import Testing
@testable import TestSupport

@Suite("Stage 2 end to end", .serialized, .tags(.endToEnd),
       .enabled(if: Tools.isInstalled("kubectl"), "kubectl is not installed: the stage 2 end-to-end tests need it"))
struct Stage2EndToEndTests {
    @Test func getNodesShowsTheKubeletsNodeReady() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        let nodes = try await cluster.kubectl("get", "nodes")
        #expect(nodes.status == 0, "\(nodes.output)")
        #expect(nodes.output.contains("node1"))
        #expect(nodes.output.split(separator: "\n").last?.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first == "Ready")
        let namespaces = try await cluster.kubectl("get", "ns", "-o", "name")
        #expect(namespaces.output.contains("namespace/kube-system"))
        // One object by name: the same columns as its list, not just NAME and AGE.
        let node = try await cluster.kubectl("get", "node", "node1")
        #expect(node.output.split(separator: "\n").first?.split(separator: " ", omittingEmptySubsequences: true)
                == ["NAME", "STATUS", "ROLES", "AGE", "VERSION"], "\(node.output)")
        let namespace = try await cluster.kubectl("get", "ns", "default")
        #expect(namespace.output.split(separator: "\n").first?.split(separator: " ", omittingEmptySubsequences: true)
                == ["NAME", "STATUS", "AGE"], "\(namespace.output)")
        try await cluster.interrupt()
    }

    /// The tests' in-process servers register `stage2Resources`, a copy of the composition
    /// root's list; the binary's discovery must match it, so the copy cannot drift.
    @Test func theBinaryServesExactlyTheResourcesTheTestsRegister() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        let groups = try await cluster.kubectl("get", "--raw", "/apis")
        let served = try APIJSON.decode(APIGroupList.self, from: Data(groups.output.utf8))
        #expect(served == Discovery.apiGroupList(of: stage2Resources), "\(groups.output)")
        let groupVersions = ["v1"] + Discovery.apiGroupList(of: stage2Resources).groups.flatMap { $0.versions.map(\.groupVersion) }
        for groupVersion in groupVersions {
            let path = groupVersion == "v1" ? "/api/v1" : "/apis/\(groupVersion)"
            let list = try await cluster.kubectl("get", "--raw", path)
            let resources = try APIJSON.decode(APIResourceList.self, from: Data(list.output.utf8))
            #expect(resources == Discovery.apiResourceList(groupVersion: groupVersion, resources: stage2Resources),
                    "\(path): \(list.output)")
        }
        try await cluster.interrupt()
    }

    @Test func aPodAppliedWithKubectlRunsAndShowsInEveryOutputFormat() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        let applied = try await cluster.kubectl("apply", "-f", "-", input: cluster.podManifest("web"))
        #expect(applied.status == 0 && applied.output.contains("pod/web created"), "\(applied.output)")
        let wait = try await cluster.kubectl("wait", "--for=condition=Ready", "pod/web", "--timeout=120s")
        #expect(wait.status == 0, "\(wait.output)")

        let wide = try await cluster.kubectl("get", "pods", "-o", "wide")
        let row = wide.output.split(separator: "\n").last.map { $0.split(separator: " ", omittingEmptySubsequences: true) } ?? []
        #expect(Array(row.prefix(3)) == ["web", "1/1", "Running"], "\(wide.output)")
        #expect(row.contains("node1") && row.contains("127.0.0.1"), "\(wide.output)")
        // One pod by name shows the same columns as the list, on the oldest and newest kubectl.
        for tool in Tools.kubectls(minors: [27, 33]) {
            let one = try await cluster.kubectl(["get", "pod", "web"], tool: tool)
            let lines = one.output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
            #expect(lines.first.map(Array.init) == ["NAME", "READY", "STATUS", "RESTARTS", "AGE"], "\(tool): \(one.output)")
            #expect(lines.dropFirst().first.map { Array($0.prefix(3)) } == ["web", "1/1", "Running"], "\(tool): \(one.output)")
        }
        // Watching it by name: one header, then a row per change.
        for (index, tool) in Tools.kubectls(minors: [27, 33]).enumerated() {
            let watch = try StageProcess(
                executable: URL(fileURLWithPath: tool),
                arguments: ["--kubeconfig", cluster.directory.appendingPathComponent("kubeconfig").path, "get", "pod", "web", "-w"],
                name: "kubectl get -w")
            defer { Task { await watch.shutdown() } }
            let rows = { watch.output.split(separator: "\n").filter { $0.hasPrefix("web ") } }
            try await watch.waitForLine(containing: "web ")
            let labelled = try await cluster.kubectl("label", "pod", "web", "watched\(index)=yes")
            #expect(labelled.status == 0, "\(labelled.output)")
            try await eventually("\(tool) to print the changed pod as a second row") { rows().count >= 2 }
            #expect(watch.output.split(separator: "\n").filter { $0.hasPrefix("NAME ") }.count == 1, "\(tool): \(watch.output)")
            #expect(rows().allSatisfy { $0.split(separator: " ", omittingEmptySubsequences: true).prefix(3) == ["web", "1/1", "Running"] },
                    "\(tool): \(watch.output)")
        }
        let json = try await cluster.kubectl("get", "pod", "web", "-o", "json")
        #expect(json.output.contains(#""phase": "Running""#))
        let yaml = try await cluster.kubectl("get", "pod", "web", "-o", "yaml")
        #expect(yaml.output.contains("restartPolicy: Always"), "defaults are applied by the API server")
        let created = try await cluster.kubectl("create", "-f", "-", input: cluster.podManifest("web"))
        #expect(created.status != 0 && created.output.contains(#"pods "web" already exists"#), "\(created.output)")
        try await cluster.interrupt()
    }

    @Test func dryRunCommandsChangeNothing() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        let applied = try await cluster.kubectl("apply", "-f", "-", input: cluster.podManifest("web"))
        #expect(applied.status == 0, "\(applied.output)")
        for (index, tool) in Tools.kubectls(minors: [27, 33]).enumerated() {
            let dry = try await cluster.kubectl(["apply", "--dry-run=server", "-f", "-"], tool: tool, input: cluster.podManifest("dry\(index)"))
            #expect(dry.status == 0 && dry.output.contains("pod/dry\(index) created (server dry run)"), "\(tool): \(dry.output)")
            let missing = try await cluster.kubectl(["get", "pod", "dry\(index)"], tool: tool)
            #expect(missing.status != 0 && missing.output.contains(#"pods "dry\#(index)" not found"#), "\(tool): \(missing.output)")
            let deleted = try await cluster.kubectl(["delete", "pod", "web", "--dry-run=server"], tool: tool)
            #expect(deleted.output.contains(#"pod "web" deleted (server dry run)"#), "\(tool): \(deleted.output)")
        }
        let labelled = try await cluster.kubectl("label", "pod", "web", "tier=web", "--dry-run=server")
        #expect(labelled.status == 0 && labelled.output.contains("(server dry run)"), "\(labelled.output)")
        // `kubectl diff` shows the change by sending it as a dry run: it must not make it.
        let changed = cluster.podManifest("web").replacingOccurrences(of: "  name: web\n", with: "  name: web\n  labels: {tier: web}\n")
        let diff = try await cluster.kubectl("diff", "-f", "-", input: changed)
        #expect(diff.status == 1 && diff.output.contains("+    tier: web"), "\(diff.output)")
        let pod = try await cluster.kubectl("get", "pod", "web", "-o", "jsonpath={.metadata.labels}|{.metadata.deletionTimestamp}")
        #expect(pod.status == 0 && !pod.output.contains("tier") && pod.output.hasSuffix("|"), "\(pod.output)")
        try await cluster.interrupt()
    }

    @Test func logsDescribeAndDeleteWorkLikeKubernetes() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        _ = try await cluster.kubectl("apply", "-f", "-", input: cluster.podManifest("talker", says: "hello-from-talker"))
        _ = try await cluster.kubectl("wait", "--for=condition=Ready", "pod/talker", "--timeout=120s")

        let logs = try await cluster.kubectl("logs", "talker")
        #expect(logs.output == "hello-from-talker\n", "\(logs.output)")
        // `logs -f` streams through the API server from the kubelet until interrupted.
        let follower = try StageProcess(
            executable: URL(fileURLWithPath: try #require(Tools.path(of: "kubectl"))),
            arguments: ["--kubeconfig", cluster.directory.appendingPathComponent("kubeconfig").path, "logs", "-f", "talker"],
            name: "kubectl logs -f")
        try await follower.waitForLine(containing: "hello-from-talker")
        #expect(follower.isRunning, "a followed log stays open while the container runs")
        await follower.cleanup()
        let described = try await cluster.kubectl("describe", "pod", "talker")
        #expect(described.output.contains("Started container main"), "the kubelet's events show: \(described.output)")

        let deleted = try await cluster.kubectl("delete", "pod", "talker")
        #expect(deleted.status == 0 && deleted.output.contains(#"pod "talker" deleted"#), "\(deleted.output)")
        #expect(try await cluster.containerProcesses().isEmpty, "kubectl delete returns once the containers are gone")
        let gone = try await cluster.kubectl("get", "pod", "talker")
        #expect(gone.output.contains(#"pods "talker" not found"#))
        try await cluster.interrupt()
    }

    @Test func aStaleUpdateGetsAConflictAndABadBodyABadRequest() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        var stale = cluster.podManifest("web")
        _ = try await cluster.kubectl("create", "-f", "-", input: stale)
        stale = stale.replacingOccurrences(of: "  name: web", with: "  name: web\n  resourceVersion: \"1\"")
        let replaced = try await cluster.kubectl("replace", "-f", "-", input: stale)
        #expect(replaced.status != 0, "\(replaced.output)")
        #expect(replaced.output.contains("the object has been modified; please apply your changes to the latest version and try again"), "\(replaced.output)")

        let bad = try await cluster.kubectl("create", "--raw", "/api/v1/namespaces/default/pods", "-f", "-", input: "{not json")
        #expect(bad.status != 0 && bad.output.contains("the request body is not a valid object"), "\(bad.output)")
        let invalid = try await cluster.kubectl("create", "-f", "-", input: """
            apiVersion: v1
            kind: Pod
            metadata:
              name: Bad_Name
            spec:
              containers: [{name: main, image: ""}]
            """)
        #expect(invalid.output.contains(#"The Pod "Bad_Name" is invalid"#), "\(invalid.output)")
        #expect(invalid.output.contains("spec.containers[0].image: Required value"), "\(invalid.output)")
        try await cluster.interrupt()
    }

    @Test func killingTheAPIServerWithSigkillLosesNothingItAcknowledged() async throws {
        let first = try await RunningCluster()
        defer { Task { await first.cleanUp(keepDirectory: true) } }
        for index in 0..<5 {
            // `kubectl create namespace` sends protobuf: see ProtobufNamespace.swift.
            let created = try await first.kubectl("create", "namespace", "team-\(index)")
            #expect(created.status == 0, "\(created.output)")
        }
        first.process.kill()
        _ = try await first.process.waitForExit()
        await first.cleanUp(keepDirectory: true)

        let second = try await RunningCluster(directory: first.directory, marker: first.marker)
        defer { Task { await second.cleanUp() } }
        let namespaces = try await second.kubectl("get", "namespaces", "-o", "name")
        for index in 0..<5 {
            #expect(namespaces.output.contains("namespace/team-\(index)"), "\(namespaces.output)")
        }
        try await second.interrupt()
    }
}
