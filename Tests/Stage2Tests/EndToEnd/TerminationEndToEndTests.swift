// Issue 7, items 4, 6 and 9 end to end: deleting, finalizing, failing, restarting, hooks,
// logs, Unhealthy events and drain, driven by kubectl 1.27 and 1.33 against `stage2 up`.
//
// Each test starts one cluster and checks one feature on both kubectl versions. None
// measures time: a deadline well under a pod's 60 s grace period (`--timeout=30s` of
// kubectl itself, or `eventually`) is the proof that the shorter grace period was used.

import Foundation
import Testing
@testable import TestSupport

@Suite("Termination, logs and drain end to end", .serialized, .tags(.endToEnd),
       .enabled(if: Tools.isInstalled("kubectl"), "kubectl is not installed: the stage 2 end-to-end tests need it"))
struct TerminationEndToEndTests {
    /// A pod on node1 whose container runs `script` (with the cluster's marker), plus `spec` and `container` lines.
    static func manifest(_ name: String, _ script: String, marker: String, spec: [String] = [], container: [String] = [],
                         metadata: [String] = []) -> String {
        (["apiVersion: v1", "kind: Pod", "metadata:", "  name: \(name)"] + metadata.map { "  " + $0 }
            + ["spec:", "  nodeName: node1"] + spec.map { "  " + $0 }
            + ["  containers:", "    - name: main", "      image: busybox",
               "      command: [\"sh\", \"-c\", \(jsonString(script)), \"\(marker)\"]"]
            + container.map { "      " + $0 }).joined(separator: "\n") + "\n"
    }

    static func jsonString(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return String(decoding: try! encoder.encode(text), as: UTF8.self)
    }

    /// A shell loop that ignores SIGTERM: only SIGKILL, after the grace period, ends it.
    static let stubborn = "trap '' TERM; while :; do sleep 1; done"

    func apply(_ cluster: RunningCluster, _ manifest: String) async throws {
        let applied = try await cluster.kubectl("apply", "-f", "-", input: manifest)
        #expect(applied.status == 0, "\(applied.output)")
    }

    func waitRunning(_ cluster: RunningCluster, _ name: String) async throws {
        try await eventually("\(name) to run") {
            try await cluster.kubectl("get", "pod", name, "-o", "jsonpath={.status.phase}").output == "Running"
        }
    }

    func field(_ cluster: RunningCluster, _ name: String, _ path: String) async throws -> String {
        try await cluster.kubectl("get", "pod", name, "-o", "jsonpath=\(path)").output
    }

    @Test func deleteHonoursTheGracePeriodOfTheDeleteAndForceRemovesAtOnce() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        let tools = Tools.kubectls(minors: [27, 33])
        let long = ["terminationGracePeriodSeconds: 60"]
        for (index, tool) in tools.enumerated() {
            // --grace-period=1 and --now (grace 1) against a container that ignores SIGTERM
            // and a spec that grants 60 s: kubectl's own 30 s timeout is the deadline.
            for (variant, flag) in [("grace", "--grace-period=1"), ("now", "--now")] {
                let name = "\(variant)\(index)"
                try await apply(cluster, Self.manifest(name, Self.stubborn, marker: cluster.marker, spec: long))
                try await waitRunning(cluster, name)
                let deleted = try await cluster.kubectl(["delete", "pod", name, flag, "--timeout=30s"], tool: tool)
                #expect(deleted.status == 0 && deleted.output.contains("pod \"\(name)\" deleted"), "\(tool) \(flag): \(deleted.output)")
            }
            // A second delete shortens the grace period of one under way.
            let twice = "twice\(index)"
            try await apply(cluster, Self.manifest(twice, Self.stubborn, marker: cluster.marker, spec: long))
            try await waitRunning(cluster, twice)
            let first = try await cluster.kubectl(["delete", "pod", twice, "--wait=false"], tool: tool)
            #expect(first.status == 0, "\(tool): \(first.output)")
            try await eventually("the kubelet to have started stopping \(twice)") {
                try await cluster.kubectl("describe", "pod", twice).output.contains("Stopping container main")
            }
            let second = try await cluster.kubectl(["delete", "pod", twice, "--now", "--timeout=30s"], tool: tool)
            #expect(second.status == 0, "\(tool): \(second.output)")
            // --force --grace-period=0: gone from the API at once; the kubelet then stops it.
            let forced = "force\(index)"
            try await apply(cluster, Self.manifest(forced, "while :; do sleep 1; done", marker: cluster.marker))
            try await waitRunning(cluster, forced)
            let deleted = try await cluster.kubectl(["delete", "pod", forced, "--force", "--grace-period=0"], tool: tool)
            #expect(deleted.status == 0 && deleted.output.contains("Immediate deletion does not wait"), "\(tool): \(deleted.output)")
            let read = try await cluster.kubectl("get", "pod", forced)
            #expect(read.status != 0 && read.output.contains("not found"), "\(read.output)")
        }
        try await eventually("every container to be gone") { try await cluster.containerProcesses().isEmpty }
        try await cluster.interrupt()
    }

    @Test func finalizersSetImageActiveDeadlineAndPreStopBehaveAsInKubernetes() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        let tools = Tools.kubectls(minors: [27, 33])
        for (index, tool) in tools.enumerated() {
            // A finalizer keeps the deleted pod, Terminating, until a patch removes it.
            let held = "held\(index)"
            try await apply(cluster, Self.manifest(held, "while :; do sleep 1; done", marker: cluster.marker,
                                                   metadata: ["finalizers: [example.com/hold]"]))
            try await waitRunning(cluster, held)
            let deleted = try await cluster.kubectl(["delete", "pod", held, "--wait=false"], tool: tool)
            #expect(deleted.status == 0, "\(deleted.output)")
            let listed = try await cluster.kubectl(["get", "pod", held], tool: tool)
            #expect(listed.output.contains("Terminating"), "\(tool): \(listed.output)")
            // The kubelet stops the container and confirms (a delete with grace 0); the pod stays.
            try await eventually("the kubelet to have stopped \(held)") {
                try await field(cluster, held, "{.metadata.deletionGracePeriodSeconds}") == "0"
            }
            #expect(try await cluster.kubectl("get", "pod", held).status == 0, "the finalizer still holds the pod")
            let patched = try await cluster.kubectl(["patch", "pod", held, "--type=merge", "-p", #"{"metadata":{"finalizers":null}}"#], tool: tool)
            #expect(patched.status == 0, "\(tool): \(patched.output)")
            try await eventually("\(held) to be gone once its finalizer is") {
                try await cluster.kubectl("get", "pod", held).output.contains("not found")
            }

            // `kubectl set image` restarts the container with the new image.
            let image = "image\(index)"
            try await apply(cluster, Self.manifest(image, "while :; do sleep 1; done", marker: cluster.marker))
            try await waitRunning(cluster, image)
            let before = try await field(cluster, image, "{.status.containerStatuses[0].containerID}")
            let set = try await cluster.kubectl(["set", "image", "pod/\(image)", "main=busybox:1.36"], tool: tool)
            #expect(set.status == 0 && set.output.contains("image updated"), "\(tool): \(set.output)")
            try await eventually("\(image) to restart with the new image") {
                try await field(cluster, image, "{.status.containerStatuses[0].restartCount}/{.status.containerStatuses[0].image}") == "1/busybox:1.36"
            }
            #expect(try await field(cluster, image, "{.status.containerStatuses[0].containerID}") != before)
            let described = try await cluster.kubectl(["describe", "pod", image], tool: tool)
            #expect(described.output.contains("Container main definition changed, will be restarted"), "\(tool): \(described.output)")

            // activeDeadlineSeconds: the pod fails with DeadlineExceeded, its container killed.
            let deadline = "deadline\(index)"
            try await apply(cluster, Self.manifest(deadline, "while :; do sleep 1; done", marker: cluster.marker,
                                                   spec: ["activeDeadlineSeconds: 2"]))
            try await eventually("\(deadline) to fail") {
                try await field(cluster, deadline, "{.status.phase}/{.status.reason}") == "Failed/DeadlineExceeded"
            }
            #expect(try await field(cluster, deadline, "{.status.message}") == "Pod was active on the node longer than the specified deadline")
            try await eventually("\(deadline)'s container to be killed") {
                try await field(cluster, deadline, "{.status.containerStatuses[0].state.terminated.exitCode}") != ""
            }

            // preStop runs before SIGTERM: the TERM handler finds the file the hook wrote.
            let hooked = "hooked\(index)"
            let hookFile = cluster.directory.appendingPathComponent("prestop-\(index)").path
            let orderFile = cluster.directory.appendingPathComponent("order-\(index)").path
            try await apply(cluster, Self.manifest(
                hooked, "trap 'test -f \(hookFile) && echo after-prestop > \(orderFile); exit 0' TERM; while :; do sleep 1; done",
                marker: cluster.marker,
                container: ["lifecycle:", "  preStop:", "    exec:", "      command: [\"sh\", \"-c\", \"echo stopping > \(hookFile)\"]"]))
            try await waitRunning(cluster, hooked)
            let stopped = try await cluster.kubectl(["delete", "pod", hooked, "--timeout=60s"], tool: tool)
            #expect(stopped.status == 0, "\(tool): \(stopped.output)")
            #expect((try? String(contentsOfFile: hookFile, encoding: .utf8)) == "stopping\n", "the preStop hook ran")
            #expect((try? String(contentsOfFile: orderFile, encoding: .utf8)) == "after-prestop\n", "and before SIGTERM")
        }
        for index in tools.indices { _ = try await cluster.kubectl("delete", "pod", "image\(index)", "deadline\(index)", "--now") }
        try await cluster.interrupt()
    }

    @Test func logsHonourTimestampsSinceLimitBytesAndTailAndSayWhenAContainerIsWaiting() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        let tools = Tools.kubectls(minors: [27, 33])
        // A container not started yet (its init container sleeps): 400, waiting to start.
        try await apply(cluster, Self.manifest("waiting", "while :; do sleep 1; done", marker: cluster.marker,
                                               spec: ["initContainers:", "  - name: first", "    image: busybox",
                                                      "    command: [\"sh\", \"-c\", \"sleep 20\", \"\(cluster.marker)\"]"]))
        for tool in tools {
            let waiting = try await cluster.kubectl(["logs", "waiting", "-c", "main"], tool: tool)
            #expect(waiting.status != 0 && waiting.output.contains(#"container "main" in pod "waiting" is waiting to start: "#)
                    && waiting.output.contains("BadRequest"), "\(tool): \(waiting.output)")
        }
        try await eventually("the kubelet to report the init container's wait") {
            try await cluster.kubectl("logs", "waiting", "-c", "main").output.contains("is waiting to start: PodInitializing")
        }

        try await apply(cluster, Self.manifest("talker", "echo early; sleep 6; while :; do echo late; sleep 1; done", marker: cluster.marker))
        try await eventually("talker to say late") { try await cluster.kubectl("logs", "talker").output.contains("late") }
        for tool in tools {
            let stamped = try await cluster.kubectl(["logs", "talker", "--timestamps"], tool: tool)
            let first = stamped.output.split(separator: "\n").first.map(String.init) ?? ""
            #expect(first.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z early/) != nil, "\(tool): \(stamped.output)")
            let limited = try await cluster.kubectl(["logs", "talker", "--limit-bytes=5"], tool: tool)
            #expect(limited.output == "early", "\(tool): \(limited.output)")
            let tail = try await cluster.kubectl(["logs", "talker", "--tail=1"], tool: tool)
            #expect(tail.output == "late\n", "\(tool): \(tail.output)")
            let recent = try await cluster.kubectl(["logs", "talker", "--since=3s"], tool: tool)
            #expect(!recent.output.contains("early") && recent.output.contains("late"), "\(tool): \(recent.output)")
            // --since-time at the first "late" line's second leaves "early", six seconds before, out.
            let lateLine = stamped.output.split(separator: "\n").first { $0.hasSuffix(" late") } ?? ""
            let lateSecond = String(lateLine.prefix(19)) + "Z"
            let since = try await cluster.kubectl(["logs", "talker", "--since-time=\(lateSecond)"], tool: tool)
            #expect(since.status == 0 && !since.output.contains("early") && since.output.hasPrefix("late"), "\(tool): \(since.output)")
        }
        _ = try await cluster.kubectl("delete", "pod", "waiting", "talker", "--now")
        try await cluster.interrupt()
    }

    @Test func aFailingReadinessProbeShowsUnhealthyAndDrainEvictsWithTheGracePeriod() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        try await apply(cluster, Self.manifest("unready", "while :; do sleep 1; done", marker: cluster.marker, container: [
            "readinessProbe:", "  exec:", "    command: [\"cat\", \"/nonexistent/ready\"]", "  periodSeconds: 1",
        ]))
        for tool in Tools.kubectls(minors: [27, 33]) {
            try await eventually("describe to show the Unhealthy event") {
                let described = try await cluster.kubectl(["describe", "pod", "unready"], tool: tool).output
                return described.contains("Unhealthy") && described.contains("Readiness probe failed: cat:")
            }
        }
        for (index, tool) in Tools.kubectls(minors: [27, 33]).enumerated() {
            let name = "drained\(index)"
            try await apply(cluster, Self.manifest(name, Self.stubborn, marker: cluster.marker, spec: ["terminationGracePeriodSeconds: 60"]))
            try await waitRunning(cluster, name)
            let drained = try await cluster.kubectl(
                ["drain", "node1", "--ignore-daemonsets", "--force", "--grace-period=1", "--timeout=30s"], tool: tool)
            #expect(drained.status == 0 && drained.output.contains("pod/\(name) evicted") && drained.output.contains("node/node1 drained"),
                    "\(tool): \(drained.output)")
            #expect(try await cluster.kubectl("get", "pod", name).output.contains("not found"))
            let uncordoned = try await cluster.kubectl(["uncordon", "node1"], tool: tool)
            #expect(uncordoned.status == 0, "\(tool): \(uncordoned.output)")
        }
        try await cluster.interrupt()
    }
}

@Suite("Termination with the Python client", .serialized, .tags(.endToEnd),
       .enabled(if: PythonClient.isAvailable, "python3 with the kubernetes package is not installed (pip install kubernetes)"))
struct TerminationPythonClientTests {
    /// Deletes a pod that ignores SIGTERM with a grace period of 1 (its spec grants 60),
    /// then evicts another with a JSON Eviction, each time waiting for the pod to be gone.
    static let script = """
        import sys
        from kubernetes import client, config, watch
        config.load_kube_config(config_file=sys.argv[1])
        v1 = client.CoreV1Api()
        def watch_pod(name, done, seconds, **options):
            # Watches one pod (the client sends ?watch=true) until done(event), for at most `seconds`.
            stream = watch.Watch()
            for event in stream.stream(v1.list_namespaced_pod, "default", field_selector="metadata.name=" + name,
                                       timeout_seconds=seconds, **options):
                if done(event):
                    stream.stop()
                    return True
            return False
        def make(name):
            container = client.V1Container(name="main", image="busybox",
                command=["sh", "-c", "trap '' TERM; while :; do sleep 1; done", sys.argv[2]])
            v1.create_namespaced_pod("default", client.V1Pod(metadata=client.V1ObjectMeta(name=name),
                spec=client.V1PodSpec(node_name="node1", termination_grace_period_seconds=60, containers=[container])))
            # Without a resourceVersion the watch starts with the pod as it is now, so no change is missed.
            if not watch_pod(name, lambda event: event["object"].status.phase == "Running", 60):
                raise SystemExit(name + " never ran")
        def gone(name, seconds=30):
            # The list says whether it is still there, and the watch from the list's version sees it go.
            listed = v1.list_namespaced_pod("default", field_selector="metadata.name=" + name)
            return not listed.items or watch_pod(name, lambda event: event["type"] == "DELETED", seconds,
                                                 resource_version=listed.metadata.resource_version)
        make("pydel")
        marked = v1.delete_namespaced_pod("pydel", "default", grace_period_seconds=1)
        print("marked", marked.metadata.deletion_grace_period_seconds)
        print("deleted", gone("pydel"))
        make("pyevict")
        eviction = client.V1Eviction(metadata=client.V1ObjectMeta(name="pyevict", namespace="default"),
                                     delete_options=client.V1DeleteOptions(grace_period_seconds=1))
        v1.create_namespaced_pod_eviction("pyevict", "default", eviction)
        print("evicted", gone("pyevict"))
        """

    @Test func thePythonClientDeletesAndEvictsWithAGracePeriodOfOneSecond() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        let (status, lines, output) = try await PythonClient.run(Self.script, on: cluster, named: "grace.py")
        #expect(status == 0, "\(output)")
        #expect(lines == ["marked 1", "deleted True", "evicted True"], "\(output)")
        try await cluster.interrupt()
    }
}
