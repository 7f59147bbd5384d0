// Stage 4 · end-to-end tests: `stage4 up --nodes 3` with the real kubectl 1.27 and 1.33.
//
// The API server's side of scheduling: three Ready nodes; a pod that names a scheduler
// nobody runs (`schedulerName: by-hand`) stays Pending, as in Kubernetes, until a Binding
// (sent here as curl would) puts it on node2, whose kubelet runs it; a second binding is refused in
// Kubernetes' words; `kubectl get pc` shows the system classes; a pod naming a class gets
// its priority, and an unknown class is refused; labels, taints and cordons change live;
// `kubectl describe node` shows the node's pods and what they have been allotted.

import Foundation
import HTTP
import HTTPClient
import Testing
@testable import TestSupport

@Suite("Stage 4 API server and nodes end to end", .serialized, .tags(.endToEnd),
       .enabled(if: Tools.isInstalled("kubectl"), "kubectl is not installed: the stage 4 end-to-end tests need it"))
struct Stage4EndToEndTests {
    static let kubectls = Tools.kubectls(minors: [27, 33])
    /// The nodes `up` runs in these tests.
    static let nodeCount = 3

    /// A pod manifest with no node, for a scheduler nobody runs, running a marked shell loop.
    static func pendingPod(_ name: String, cluster: RunningCluster, priorityClassName: String? = nil) -> String {
        let classLine = priorityClassName.map { "\n  priorityClassName: \($0)" } ?? ""
        return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: \(name)
        spec:
          schedulerName: by-hand\(classLine)
          containers:
            - name: main
              image: busybox
              command: ["sh", "-c", "while :; do sleep 1; done", "\(cluster.marker)"]
        """
    }

    /// POSTs a Binding of `pod` to `node` to the cluster's API server, as curl would; the code and body.
    static func bind(_ pod: String, to node: String, cluster: RunningCluster) async throws -> (code: Int, body: String) {
        let http = try HTTPClient(baseURL: "http://127.0.0.1:\(cluster.port)", bearerToken: cluster.token)
        let body = #"{"apiVersion":"v1","kind":"Binding","metadata":{"name":"\#(pod)"},"target":{"apiVersion":"v1","kind":"Node","name":"\#(node)"}}"#
        let response = try await http.send(HTTPClientRequest(
            method: "POST", target: "/api/v1/namespaces/default/pods/\(pod)/binding",
            headers: ["Content-Type": "application/json"], body: Array(body.utf8)))
        return (response.status.code, response.text)
    }

    @Test(arguments: kubectls) func threeNodesABindingPriorityClassesAndLiveNodeChanges(kubectl tool: String) async throws {
        let cluster = try await RunningCluster(binary: "stage4", arguments: ["--nodes", "\(Self.nodeCount)"])
        defer { Task { await cluster.cleanUp() } }
        func run(_ arguments: String..., input: String? = nil) async throws -> (status: Int32, output: String) {
            try await cluster.kubectl(arguments, tool: tool, input: input)
        }

        try await eventually("\(tool): three Ready nodes") {
            let nodes = try await run("get", "nodes", "--no-headers").output
            let ready = nodes.split(separator: "\n").filter { $0.split(separator: " ").dropFirst().first == "Ready" }
            return ready.count == Self.nodeCount
        }

        // The system priority classes, with Kubernetes' columns.
        let classes = try await run("get", "pc")
        #expect(classes.output.split(separator: "\n").first?.split(separator: " ") == ["NAME", "VALUE", "GLOBAL-DEFAULT", "AGE", "PREEMPTIONPOLICY"],
                "\(tool): \(classes.output)")
        #expect(classes.output.contains("system-cluster-critical") && classes.output.contains("2000000000"), "\(tool): \(classes.output)")
        #expect(classes.output.contains("system-node-critical") && classes.output.contains("2000001000"), "\(tool): \(classes.output)")

        // The new groups in discovery, as kubectl reads it.
        let resources = try await run("api-resources")
        let rows = resources.output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.contains(["priorityclasses", "pc", "scheduling.k8s.io/v1", "false", "PriorityClass"]), "\(tool): \(resources.output)")
        #expect(rows.contains(["leases", "coordination.k8s.io/v1", "true", "Lease"]), "\(tool): \(resources.output)")
        let both = try await run("get", "pc,lease", "-A")
        #expect(both.status == 0 && both.output.contains("priorityclass.scheduling.k8s.io/system-node-critical"), "\(tool): \(both.output)")

        // A class kubectl creates (as protobuf), and a pod that names it.
        let created = try await run("create", "priorityclass", "high", "--value=1000", "--description=for tests")
        #expect(created.status == 0 && created.output.contains("priorityclass.scheduling.k8s.io/high created"), "\(tool): \(created.output)")
        #expect(try await run("apply", "-f", "-", input: Self.pendingPod("important", cluster: cluster, priorityClassName: "high")).status == 0)
        let priority = try await run("get", "pod", "important", "-o", "jsonpath={.spec.priority}")
        #expect(priority.output == "1000", "\(tool): \(priority.output)")
        let unknown = try await run("apply", "-f", "-", input: Self.pendingPod("lost", cluster: cluster, priorityClassName: "foo"))
        #expect(unknown.status != 0 && unknown.output.contains(#"pods "lost" is forbidden: no PriorityClass with name foo was found"#),
                "\(tool): \(unknown.output)")

        // A pod with no node waits; a Binding puts it on node2, whose kubelet runs it.
        #expect(try await run("apply", "-f", "-", input: Self.pendingPod("web", cluster: cluster)).status == 0)
        let waiting = try await run("get", "pod", "web", "-o", "jsonpath={.status.phase}/{.spec.nodeName}")
        #expect(waiting.output == "Pending/", "\(tool): \(waiting.output)")
        let bound = try await Self.bind("web", to: "node2", cluster: cluster)
        #expect(bound.code == 201 && bound.body.contains(#""status":"Success""#), "\(bound.body)")
        try await eventually("\(tool): web running on node2") {
            try await run("get", "pod", "web", "-o", "jsonpath={.status.phase}/{.spec.nodeName}").output == "Running/node2"
        }
        let again = try await Self.bind("web", to: "node1", cluster: cluster)
        #expect(again.code == 409, "\(again.body)")
        #expect(again.body.contains(#"Operation cannot be fulfilled on pods/binding \"web\": pod web is already assigned to node \"node2\""#),
                "\(again.body)")

        // Node changes kubectl makes, live.
        #expect(try await run("label", "node", "node1", "disk=ssd").output.contains("node/node1 labeled"))
        #expect(try await run("get", "node", "node1", "-o", "jsonpath={.metadata.labels.disk}").output == "ssd")
        #expect(try await run("taint", "node", "node1", "dedicated=gpu:NoSchedule").output.contains("node/node1 tainted"))
        let taints = try await run("get", "node", "node1", "-o", "jsonpath={.spec.taints[*].key}={.spec.taints[*].value}:{.spec.taints[*].effect}")
        #expect(taints.output == "dedicated=gpu:NoSchedule", "\(tool): \(taints.output)")
        #expect(try await run("taint", "node", "node1", "dedicated-").output.contains("node/node1 untainted"))
        #expect(try await run("get", "node", "node1", "-o", "jsonpath={.spec.taints}").output == "")
        #expect(try await run("cordon", "node1").output.contains("node/node1 cordoned"))
        // The kubelet's heartbeats (every second here) keep what kubectl changed.
        try await eventually("\(tool): node1 shown SchedulingDisabled after a heartbeat") {
            let heartbeat = try await run("get", "node", "node1", "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].lastHeartbeatTime}").output
            let line = try await run("get", "node", "node1", "--no-headers").output
            return !heartbeat.isEmpty && line.contains("Ready,SchedulingDisabled")
        }
        #expect(try await run("get", "node", "node1", "-o", "jsonpath={.metadata.labels.disk}").output == "ssd")
        #expect(try await run("uncordon", "node1").output.contains("node/node1 uncordoned"))
        #expect(try await run("get", "node", "node1", "-o", "jsonpath={.spec.unschedulable}").output == "")

        // describe node: its non-terminated pods (field selectors on spec.nodeName and
        // status.phase), what they are allotted, and the node's Lease section.
        let described = try await run("describe", "node", "node2")
        #expect(described.status == 0, "\(tool): \(described.output)")
        for section in ["Non-terminated Pods:", "(1 in total)", "Allocated resources:", "Lease:", "Taints:", "Unschedulable:"] {
            #expect(described.output.contains(section), "\(tool): no \(section) in \(described.output)")
        }
        #expect(described.output.split(separator: "\n").contains { $0.contains("default") && $0.contains("web") }, "\(described.output)")

        let running = try await cluster.containerProcesses()
        #expect(!running.isEmpty, "\(tool): web's container is found by its marker")
        try await cluster.interrupt()
        // Nothing left over: Ctrl-C stops every node's containers.
        try await eventually("\(tool): no container left running") { try await cluster.containerProcesses().isEmpty }
    }
}
