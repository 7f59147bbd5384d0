// Stage 4 · end-to-end tests: the scheduler, as a learner meets it with the real kubectl.
//
// `stage4 up` runs the API server, the scheduler and three kubelets; kubectl makes pods
// with no node and sees where they go and why: spread over the nodes, kept Pending in
// Kubernetes' words until a bigger node joins, steered by labels, taints and cordons,
// and a higher-priority pod preempting a lower one. Then the scheduler alone, as
// processes of its own over fake nodes: two of them elect a leader, the standby takes
// over when the leader is killed, and a scheduler killed under load never leaves a pod
// bound twice.

import Foundation
import HTTPClient
import Testing
@testable import TestSupport

@Suite("Stage 4 scheduler end to end", .serialized, .tags(.endToEnd),
       .enabled(if: Tools.isInstalled("kubectl"), "kubectl is not installed: the stage 4 end-to-end tests need it"))
struct SchedulerEndToEndTests {
    static let kubectls = Tools.kubectls(minors: [27, 33])

    /// A pod with no node that runs a marked shell loop, asking for `cpu` when given.
    static func pod(_ name: String, cluster: RunningCluster, cpu: String? = nil, extra: String = "") -> String {
        let resources = cpu.map { "\n      resources: {requests: {cpu: \"\($0)\"}}" } ?? ""
        return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: \(name)
        spec:
          terminationGracePeriodSeconds: 1\(extra)
          containers:
            - name: main
              image: busybox
              command: ["sh", "-c", "while :; do sleep 1; done", "\(cluster.marker)"]\(resources)
        """
    }

    @Test(arguments: kubectls) func kubectlRunPodsSpreadOverThreeNodesAndEachSaysWhere(kubectl tool: String) async throws {
        let cluster = try await RunningCluster(binary: "stage4", arguments: ["--nodes", "3"])
        defer { Task { await cluster.cleanUp() } }
        func run(_ arguments: String...) async throws -> (status: Int32, output: String) {
            try await cluster.kubectl(arguments, tool: tool)
        }
        try await eventually("\(tool): three nodes") { try await run("get", "nodes", "--no-headers").output.split(separator: "\n").count == 3 }
        for index in 1...6 {
            let ran = try await run("run", "web-\(index)", "--image=busybox", "--restart=Never", "--", "sh", "-c", "while :; do sleep 1; done", cluster.marker)
            #expect(ran.status == 0, "\(tool): \(ran.output)")
        }
        try await eventually("\(tool): six pods running") {
            let phases = try await run("get", "pods", "-o", "jsonpath={.items[*].status.phase}").output
            return phases.split(separator: " ").filter { $0 == "Running" }.count == 6
        }
        // Each new pod finds the nodes before it fuller (its requests default to 100m and
        // 200Mi for scoring), so six pods go two to a node.
        let nodes = try await run("get", "pods", "-o", "jsonpath={.items[*].spec.nodeName}").output.split(separator: " ")
        #expect(Dictionary(grouping: nodes, by: { $0 }).mapValues(\.count) == ["node1": 2, "node2": 2, "node3": 2], "\(tool): \(nodes)")
        let described = try await run("describe", "pod", "web-1").output
        let node = try await run("get", "pod", "web-1", "-o", "jsonpath={.spec.nodeName}").output
        #expect(described.contains("Successfully assigned default/web-1 to \(node)"), "\(tool): \(described)")
        #expect(described.split(separator: "\n").contains { $0.contains("Scheduled") && $0.contains("default-scheduler") }, "\(described)")
        try await cluster.interrupt()
    }

    @Test(arguments: kubectls) func aPodThatFitsNowhereWaitsInKubernetesWordsUntilABiggerNodeJoins(kubectl tool: String) async throws {
        let cluster = try await RunningCluster(binary: "stage4", arguments: ["--nodes", "3", "--node-capacity", "cpu=1,memory=4Gi,pods=110"])
        defer { Task { await cluster.cleanUp() } }
        func run(_ arguments: String..., input: String? = nil) async throws -> (status: Int32, output: String) {
            try await cluster.kubectl(arguments, tool: tool, input: input)
        }
        try await eventually("\(tool): three nodes") { try await run("get", "nodes", "--no-headers").output.split(separator: "\n").count == 3 }
        for node in ["node2", "node3"] {
            #expect(try await run("taint", "node", node, "dedicated=gpu:NoSchedule").status == 0)
        }
        #expect(try await run("apply", "-f", "-", input: Self.pod("big", cluster: cluster, cpu: "2")).status == 0)
        let expected = "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) had untolerated taint {dedicated: gpu}."
        try await eventually("\(tool): big is Unschedulable") {
            try await run("get", "pod", "big", "-o", "jsonpath={.status.conditions[?(@.type==\"PodScheduled\")].reason}").output == "Unschedulable"
        }
        let message = try await run("get", "pod", "big", "-o", "jsonpath={.status.conditions[?(@.type==\"PodScheduled\")].message}").output
        #expect(message.hasPrefix(expected + " preemption: 0/3 nodes are available:"), "\(tool): \(message)")
        let described = try await run("describe", "pod", "big").output
        #expect(described.split(separator: "\n").contains { $0.contains("Warning") && $0.contains("FailedScheduling") && $0.contains(expected) },
                "\(tool): \(described)")

        // A fourth node with room, from another "terminal": the pod goes there as soon as
        // the scheduler hears of it (NodeAdd moves it back to be tried), not on a timer.
        let tokenFile = cluster.directory.appendingPathComponent("node4-token")
        try (cluster.token ?? "").write(to: tokenFile, atomically: true, encoding: .utf8)
        let node4 = try StageProcess(
            executable: Binaries.executable(named: "stage4"),
            arguments: ["kubelet", "--apiserver", "http://127.0.0.1:\(cluster.port)", "--token-file", tokenFile.path,
                        "--node-name", "node4", "--node-capacity", "cpu=4,memory=8Gi,pods=110", "--kubelet-port", "0",
                        "--root", cluster.directory.appendingPathComponent("node4").path,
                        "--manifests", cluster.directory.appendingPathComponent("node4-manifests").path,
                        "--sync-frequency", "200ms", "--node-status-update-frequency", "1s"],
            name: "stage4 kubelet node4")
        defer { Task { await node4.cleanup() } }
        try await eventually("\(tool): big running on node4") {
            try await run("get", "pod", "big", "-o", "jsonpath={.status.phase}/{.spec.nodeName}").output == "Running/node4"
        }
        let after = try await run("describe", "pod", "big").output
        #expect(after.contains("Successfully assigned default/big to node4"), "\(tool): \(after)")
        await node4.shutdown()
        try await cluster.interrupt()
    }

    @Test func nodeSelectorsTaintsTolerationsAndCordonsDecideWhereAPodGoes() async throws {
        let cluster = try await RunningCluster(binary: "stage4", arguments: ["--nodes", "3"])
        defer { Task { await cluster.cleanUp() } }
        func run(_ arguments: String..., input: String? = nil) async throws -> (status: Int32, output: String) {
            try await cluster.kubectl(arguments, tool: "kubectl", input: input)
        }
        func nodeOf(_ pod: String) async throws -> String {
            var node = ""
            try await eventually("\(pod) bound") {
                node = try await run("get", "pod", pod, "-o", "jsonpath={.spec.nodeName}").output
                return !node.isEmpty
            }
            return node
        }
        try await eventually("three nodes") { try await run("get", "nodes", "--no-headers").output.split(separator: "\n").count == 3 }

        // nodeSelector: only node2 has the label.
        #expect(try await run("label", "node", "node2", "disk=ssd").status == 0)
        #expect(try await run("apply", "-f", "-", input: Self.pod("ssd", cluster: cluster, extra: "\n  nodeSelector: {disk: ssd}")).status == 0)
        #expect(try await nodeOf("ssd") == "node2")

        // Taints: node1 and node3 repel pods that do not tolerate them.
        for node in ["node1", "node3"] {
            let tainted = try await run("taint", "node", node, "dedicated=gpu:NoSchedule")
            #expect(tainted.status == 0, "\(tainted.output)")
        }
        #expect(try await run("apply", "-f", "-", input: Self.pod("plain", cluster: cluster)).status == 0)
        #expect(try await nodeOf("plain") == "node2")
        // A toleration lets a pod onto a tainted node; with node2 cordoned, it must go there.
        #expect(try await run("cordon", "node2").status == 0)
        let tolerating = "\n  tolerations: [{key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}]"
        #expect(try await run("apply", "-f", "-", input: Self.pod("tolerant", cluster: cluster, extra: tolerating)).status == 0)
        #expect(["node1", "node3"].contains(try await nodeOf("tolerant")))
        // A pod that tolerates nothing now fits nowhere: cordoned, or tainted.
        #expect(try await run("apply", "-f", "-", input: Self.pod("nowhere", cluster: cluster)).status == 0)
        try await eventually("nowhere is Unschedulable") {
            let message = try await run("get", "pod", "nowhere", "-o", "jsonpath={.status.conditions[?(@.type==\"PodScheduled\")].message}").output
            return message.hasPrefix("0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) had untolerated taint {dedicated: gpu}.")
        }
        // Uncordoning is an event the waiting pod hears: it goes to node2.
        #expect(try await run("uncordon", "node2").status == 0)
        #expect(try await nodeOf("nowhere") == "node2")
        try await cluster.interrupt()
    }

    @Test func aHigherPriorityPodPreemptsALowerOneAndTakesItsPlace() async throws {
        let cluster = try await RunningCluster(binary: "stage4", arguments: ["--nodes", "1", "--node-capacity", "cpu=1,memory=4Gi,pods=110"])
        defer { Task { await cluster.cleanUp() } }
        func run(_ arguments: String..., input: String? = nil) async throws -> (status: Int32, output: String) {
            try await cluster.kubectl(arguments, tool: "kubectl", input: input)
        }
        #expect(try await run("create", "priorityclass", "low", "--value=100").status == 0)
        #expect(try await run("create", "priorityclass", "high", "--value=1000").status == 0)
        #expect(try await run("apply", "-f", "-", input: Self.pod("victim", cluster: cluster, cpu: "700m", extra: "\n  priorityClassName: low")).status == 0)
        try await eventually("victim running") {
            try await run("get", "pod", "victim", "-o", "jsonpath={.status.phase}").output == "Running"
        }
        #expect(try await run("apply", "-f", "-", input: Self.pod("preemptor", cluster: cluster, cpu: "700m", extra: "\n  priorityClassName: high")).status == 0)
        try await eventually("preemptor running on node1 in the victim's place") {
            try await run("get", "pod", "preemptor", "-o", "jsonpath={.status.phase}/{.spec.nodeName}").output == "Running/node1"
        }
        let victim = try await run("get", "pod", "victim", "--ignore-not-found", "-o", "name").output
        #expect(victim.isEmpty, "the victim is still there: \(victim)")
        let events = try await run("get", "events", "--field-selector", "involvedObject.name=victim", "-o", "jsonpath={.items[*].reason}").output
        #expect(events.split(separator: " ").contains("Preempted"), "\(events)")
        try await cluster.interrupt()
    }

    @Test func whenTheLeadingSchedulerIsKilledTheStandbyTakesOver() async throws {
        let control = try await ControlPlaneProcesses()
        defer { Task { await control.stop() } }
        try await control.createFakeNodes(2)
        let first = try control.startScheduler(name: "scheduler-1")
        defer { Task { await first.cleanup() } }
        try await first.waitForLine(containing: "successfully acquired lease")
        let second = try control.startScheduler(name: "scheduler-2")
        defer { Task { await second.cleanup() } }
        try await second.waitForLine(containing: "attempting to acquire leader lease")
        let holder = try await control.kubectl("get", "lease", "-n", "kube-system", "kube-scheduler", "-o", "jsonpath={.spec.holderIdentity}").output
        #expect(first.output.contains(holder) && !holder.isEmpty, "the lease names \(holder)")
        let shown = try await control.kubectl("get", "lease", "-n", "kube-system")
        #expect(shown.output.contains("kube-scheduler") && shown.output.contains(holder), "\(shown.output)")

        try await control.createPod("before")
        try await eventually("before bound") { try await control.get("/api/v1/namespaces/default/pods/before").contains(#""nodeName":"fake-"#) }
        #expect(!second.output.contains("successfully acquired lease"), "the standby scheduled while the leader led")

        first.kill()
        try await second.waitForLine(containing: "successfully acquired lease")
        try await control.createPod("after")
        try await eventually("after bound by the new leader") {
            try await control.get("/api/v1/namespaces/default/pods/after").contains(#""nodeName":"fake-"#)
        }
        let transitions = try await control.kubectl("get", "lease", "-n", "kube-system", "kube-scheduler", "-o", "jsonpath={.spec.leaseTransitions}").output
        #expect(transitions == "1", "leaseTransitions: \(transitions)")
    }

    @Test func noPodIsEverBoundTwiceWhenTheSchedulerIsKilledUnderLoad() async throws {
        let control = try await ControlPlaneProcesses()
        defer { Task { await control.stop() } }
        try await control.createFakeNodes(10)
        // Every change to every pod, from before the first is made.
        let list = try await control.get("/api/v1/namespaces/default/pods")
        let revision = try #require(list.firstMatch(of: /"resourceVersion":"(\d+)"/)?.1)
        let (head, body) = try await control.http.stream(HTTPClientRequest(
            method: "GET", target: "/api/v1/namespaces/default/pods?watch=1&resourceVersion=\(revision)"))
        #expect(head.status.code == 200)
        let total = 300
        let watcher = Task { () throws -> [String: Set<String>] in
            var nodes: [String: Set<String>] = [:]
            for try await line in HTTPClient.lines(of: body) {
                guard let name = line.firstMatch(of: /"name":"(pod-\d+)"/)?.1,
                      let node = line.firstMatch(of: /"nodeName":"([^"]+)"/)?.1 else { continue }
                nodes[String(name), default: []].insert(String(node))
                if nodes.count == total, nodes.values.allSatisfy({ !$0.isEmpty }) { break }
            }
            return nodes
        }
        let first = try control.startScheduler(name: "scheduler-1")
        try await first.waitForLine(containing: "scheduler started")
        // Killed halfway through the creates, with bindings in flight.
        for index in 1...total / 2 { try await control.createPod("pod-\(index)") }
        first.kill()
        await first.cleanup()
        for index in total / 2 + 1...total { try await control.createPod("pod-\(index)") }
        let second = try control.startScheduler(name: "scheduler-2")
        defer { Task { await second.cleanup() } }
        defer { watcher.cancel() }
        let nodes = try await withDeadline(seconds: 120) { try await watcher.value }
        #expect(nodes.count == total)
        let twice = nodes.filter { $0.value.count > 1 }
        #expect(twice.isEmpty, "bound to two nodes: \(twice)")
        let scheduled = try await control.get("/api/v1/namespaces/default/events?fieldSelector=reason%3DScheduled")
        let names = scheduled.matches(of: /"involvedObject":\{[^}]*"name":"(pod-\d+)"/).map { String($0.1) }
        #expect(Set(names).count == names.count, "a pod was told it was scheduled twice")
    }
}

extension SchedulerEndToEndTests {
    @Test func aGatedPodWaitsUntilItsGatesAreRemovedAndAGateCannotBeAdded() async throws {
        let cluster = try await RunningCluster(binary: "stage4", arguments: ["--nodes", "1"])
        defer { Task { await cluster.cleanUp() } }
        func run(_ arguments: String..., input: String? = nil) async throws -> (status: Int32, output: String) {
            try await cluster.kubectl(arguments, tool: "kubectl", input: input)
        }
        let gated = Self.pod("gated", cluster: cluster, extra: "\n  schedulingGates: [{name: example.com/wait}]")
        #expect(try await run("apply", "-f", "-", input: gated).status == 0)
        let added = try await run("patch", "pod", "gated", "--type=merge",
                                  "-p", #"{"spec":{"schedulingGates":[{"name":"example.com/wait"},{"name":"x"}]}}"#)
        #expect(added.status != 0 && added.output.contains(
            "spec.schedulingGates[1].name: Forbidden: only deletion is allowed, but found new scheduling gate 'x'"), "\(added.output)")
        // A pod made after it is placed, and the gated one is not: the scheduler never
        // saw it (no node, no PodScheduled condition).
        #expect(try await run("apply", "-f", "-", input: Self.pod("after", cluster: cluster)).status == 0)
        try await eventually("the pod made after it bound") {
            try await run("get", "pod", "after", "-o", "jsonpath={.spec.nodeName}").output == "node1"
        }
        let waiting = try await run("get", "pod", "gated", "-o", "jsonpath={.spec.nodeName}/{.status.conditions}").output
        #expect(waiting == "/", "\(waiting)")
        #expect(try await run("patch", "pod", "gated", "--type=merge", "-p", #"{"spec":{"schedulingGates":null}}"#).status == 0)
        try await eventually("gated bound once ungated") {
            try await run("get", "pod", "gated", "-o", "jsonpath={.spec.nodeName}").output == "node1"
        }
        try await cluster.interrupt()
    }
}
