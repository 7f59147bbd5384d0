// Stage 1's acceptance suite: the built `stage1` binary, driven as a learner drives it.
//
// Every test starts its own kubelet on a fresh folder (see `RunningKubelet`), drops
// manifests in, and checks what a learner would see: `/pods`, the processes on the
// machine, the kubelet's log lines. Every test ends by checking that no process of its
// containers is left over.

@testable import TestSupport
import API
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("Stage 1 end to end", .serialized, .tags(.endToEnd))
struct Stage1EndToEndTests {
    /// A pod manifest with one long-running container carrying the kubelet's marker.
    static func longRunningPod(_ name: String, _ kubelet: RunningKubelet, extra: String = "") -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: \(name)
        spec:
          containers:
            - name: main
              image: busybox
              command: \(kubelet.longRunningCommand)
        \(extra)
        """
    }

    @Test func aNewManifestsPodIsRunningInPods() async throws {
        let kubelet = try await RunningKubelet()
        defer { Task { await kubelet.cleanUp() } }
        try kubelet.write("web.yaml", Self.longRunningPod("web", kubelet))

        let pod = try await kubelet.waitForPod("web-node1", "to be Running") { $0.status.phase == .running }
        #expect(pod.metadata.namespace == "default")
        #expect(pod.spec.nodeName == "node1")
        #expect(pod.status.containerStatuses.first?.state.running != nil)
        #expect(pod.status.containerStatuses.first?.ready == true)
        #expect(pod.status.conditions.first { $0.type == .ready }?.status == .true)
        #expect(try await kubelet.containerProcesses().count == 1)
        try await kubelet.interrupt()
        try await kubelet.waitForNoContainerProcess()
    }

    @Test func aKilledContainerComesBackWithRestartCountOne() async throws {
        let kubelet = try await RunningKubelet()
        defer { Task { await kubelet.cleanUp() } }
        try kubelet.write("web.yaml", Self.longRunningPod("web", kubelet))
        try await kubelet.waitForPod("web-node1", "to be Running") { $0.status.phase == .running }
        let first = try #require(try await kubelet.containerProcesses().first)

        kill(first.pid, SIGTERM)

        let pod = try await kubelet.waitForPod("web-node1", "to have restarted once") {
            $0.status.containerStatuses.first?.restartCount == 1 && $0.status.containerStatuses.first?.state.running != nil
        }
        let last = try #require(pod.status.containerStatuses.first?.lastState.terminated)
        #expect(last.exitCode == 143, "a process killed by SIGTERM exits with 128 + 15")
        #expect(last.reason == "Error")
        let second = try #require(try await kubelet.containerProcesses().first)
        #expect(second.pid != first.pid)
        try await kubelet.interrupt()
        try await kubelet.waitForNoContainerProcess()
    }

    @Test func aCrashingContainerBacksOff() async throws {
        let kubelet = try await RunningKubelet()
        defer { Task { await kubelet.cleanUp() } }
        try kubelet.write("crash.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: crash
            spec:
              containers:
                - name: main
                  image: busybox
                  command: ["sh", "-c", "echo about to fail; exit 3"]
            """)

        let pod = try await kubelet.waitForPod("crash-node1", "to be in CrashLoopBackOff") {
            $0.status.containerStatuses.first?.state.waiting?.reason == "CrashLoopBackOff"
        }
        let status = try #require(pod.status.containerStatuses.first)
        #expect(status.restartCount >= 1, "the first crash restarts at once; the back-off starts with the second")
        #expect(status.lastState.terminated?.exitCode == 3)
        #expect(status.state.waiting?.message.contains("back-off") == true)
        #expect(pod.status.phase == .running, "restartPolicy Always keeps a crash-looping pod Running, as Kubernetes does")
        try await kubelet.process.waitForLine(containing: "back-off restarting container")
        try await kubelet.interrupt()
    }

    @Test func aFailedLivenessProbeRestartsTheContainer() async throws {
        let kubelet = try await RunningKubelet()
        defer { Task { await kubelet.cleanUp() } }
        try kubelet.write("probed.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: probed
            spec:
              containers:
                - name: main
                  image: busybox
                  command: ["sh", "-c", "touch alive; sleep 1; rm alive; while :; do sleep 1; done", "\(kubelet.marker)"]
                  livenessProbe:
                    exec:
                      command: ["test", "-f", "alive"]
                    periodSeconds: 1
                    failureThreshold: 1
            """)

        try await kubelet.waitForPod("probed-node1", "to be restarted by its liveness probe") {
            ($0.status.containerStatuses.first?.restartCount ?? 0) >= 1
        }
        try await kubelet.process.waitForLine(containing: "liveness probe failed, killing container name=main pod=probed-node1")
        try await kubelet.interrupt()
        try await kubelet.waitForNoContainerProcess()
    }

    @Test func aRemovedManifestLeavesNoProcessBehind() async throws {
        let kubelet = try await RunningKubelet()
        defer { Task { await kubelet.cleanUp() } }
        try kubelet.write("web.yaml", Self.longRunningPod("web", kubelet))
        try await kubelet.waitForPod("web-node1", "to be Running") { $0.status.phase == .running }

        try kubelet.remove("web.yaml")

        try await kubelet.waitForNoContainerProcess()
        try await eventually("pod web-node1 to leave /pods") { try await kubelet.pods().isEmpty }
        try await kubelet.process.waitForLine(containing: "pod stopped pod=web-node1")
        try await kubelet.interrupt()
    }

    @Test func aBadManifestIsReportedAndTheOthersKeepRunning() async throws {
        let kubelet = try await RunningKubelet()
        defer { Task { await kubelet.cleanUp() } }
        try kubelet.write("good.yaml", Self.longRunningPod("good", kubelet))
        try kubelet.write("bad.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: bad
            spec:
              containers:
                - name: web
                  image: busybox
                  ports:
                    - containerPort: http
            """)

        let line = try await kubelet.process.waitForLine(containing: "could not read manifest")
        #expect(line.contains("bad.yaml:10:"), "the error names the file and line: \(line)")
        #expect(line.contains("spec.containers[0].ports[0].containerPort: expected an integer, found \\\"http\\\""), "\(line)")
        try await kubelet.waitForPod("good-node1", "to be Running") { $0.status.phase == .running }
        #expect(try await kubelet.pods().map(\.metadata.name) == ["good-node1"])
        try await kubelet.interrupt()
        try await kubelet.waitForNoContainerProcess()
    }

    @Test func initContainersRunToCompletionBeforeTheAppContainers() async throws {
        let kubelet = try await RunningKubelet()
        defer { Task { await kubelet.cleanUp() } }
        try kubelet.write("notes.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: notes
            spec:
              volumes:
                - name: shared
                  emptyDir: {}
              initContainers:
                - name: prepare
                  image: busybox
                  command: ["sh", "-c", "echo from-init > shared/note.txt"]
                  volumeMounts: [{name: shared, mountPath: /shared}]
              containers:
                - name: reader
                  image: busybox
                  command: ["sh", "-c", "cat shared/note.txt; while :; do sleep 1; done", "\(kubelet.marker)"]
                  volumeMounts: [{name: shared, mountPath: /shared}]
            """)

        let pod = try await kubelet.waitForPod("notes-node1", "to be Running") { $0.status.phase == .running }
        #expect(pod.status.initContainerStatuses.first?.state.terminated?.reason == "Completed")
        #expect(pod.status.conditions.first { $0.type == .initialized }?.status == .true)
        let logs = try await TestHTTPClient().get(port: kubelet.port, path: "/containerLogs/default/notes-node1/reader")
        #expect(logs.body == "from-init\n", "the app container read what the init container wrote")
        try await kubelet.interrupt()
        try await kubelet.waitForNoContainerProcess()
    }

    @Test func containerLogsAreTailedAndFollowed() async throws {
        let kubelet = try await RunningKubelet()
        defer { Task { await kubelet.cleanUp() } }
        try kubelet.write("talker.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: talker
            spec:
              containers:
                - name: main
                  image: busybox
                  command: ["sh", "-c", "echo one; echo two; echo three; while :; do sleep 1; done", "\(kubelet.marker)"]
            """)
        try await kubelet.waitForPod("talker-node1", "to be Running") { $0.status.phase == .running }
        let path = "/containerLogs/default/talker-node1/main"
        try await eventually("three lines of log") { try await TestHTTPClient().get(port: kubelet.port, path: path).body == "one\ntwo\nthree\n" }

        let tail = try await TestHTTPClient().get(port: kubelet.port, path: path + "?tailLines=1")
        #expect(tail.body == "three\n")
        let stream = try await TestHTTPClient().stream(port: kubelet.port, path: path + "?follow=true&tailLines=1")
        var received: [String] = []
        for try await line in stream.lines {
            received.append(line)
            if received.count == 1 {
                // Write to the container's log as the container would, and see it arrive.
                let root = kubelet.directory.appendingPathComponent("root/logs")
                let logFile = try #require(FileManager.default.enumerator(atPath: root.path)?
                    .compactMap { $0 as? String }.first { $0.hasSuffix("main/0.log") })
                let handle = try FileHandle(forWritingTo: root.appendingPathComponent(logFile))
                try handle.seekToEnd()
                try handle.write(contentsOf: Data("four\n".utf8))
                try handle.close()
            }
            if received.count == 2 { break }
        }
        stream.cancel()
        #expect(received == ["three", "four"])
        try await kubelet.interrupt()
        try await kubelet.waitForNoContainerProcess()
    }

    @Test func ctrlCStopsEveryPodAndLeavesNoProcess() async throws {
        let kubelet = try await RunningKubelet()
        defer { Task { await kubelet.cleanUp() } }
        try kubelet.write("a.yaml", Self.longRunningPod("a", kubelet))
        try kubelet.write("b.yaml", Self.longRunningPod("b", kubelet))
        try await eventually("two container processes") { try await kubelet.containerProcesses().count == 2 }

        let status = try await kubelet.interrupt()

        #expect(status == 0)
        try await kubelet.process.waitForLine(containing: "stopping all pods count=2")
        #expect(try await kubelet.containerProcesses().isEmpty)
    }

    @Test func aKubeletKilledWithSigkillLeavesNothingUnmanaged() async throws {
        let first = try await RunningKubelet()
        defer { Task { await first.cleanUp() } }
        try first.write("web.yaml", Self.longRunningPod("web", first))
        try await first.waitForPod("web-node1", "to be Running") { $0.status.phase == .running }
        let orphan = try #require(try await first.containerProcesses().first)

        first.process.kill()
        _ = try await first.process.waitForExit()
        #expect(ProcessTable.isAlive(orphan.pid), "a SIGKILLed kubelet cannot stop its containers")

        let second = try await RunningKubelet(directory: first.directory, marker: first.marker)
        defer { Task { await second.cleanUp() } }
        try await eventually("the orphaned container to be stopped") { !ProcessTable.isAlive(orphan.pid) }
        try await second.waitForPod("web-node1", "to be Running again") { $0.status.phase == .running }
        let processes = try await second.containerProcesses()
        #expect(processes.count == 1)
        #expect(processes.first?.pid != orphan.pid)
        try await second.interrupt()
        try await second.waitForNoContainerProcess()
    }

    @Test func theReadOnlyAPIAnswersHealthzSpecAndErrors() async throws {
        let kubelet = try await RunningKubelet()
        defer { Task { await kubelet.cleanUp() } }
        let client = TestHTTPClient()
        #expect(try await client.get(port: kubelet.port, path: "/healthz").body == "ok")
        let spec = try await client.get(port: kubelet.port, path: "/spec/")
        #expect(spec.body.contains("\"num_cores\": \(ProcessInfo.processInfo.activeProcessorCount)"))
        #expect(try await client.get(port: kubelet.port, path: "/nothing").status == 404)
        #expect(try await client.get(port: kubelet.port, path: "/containerLogs/default/none/main").status == 404)
        try await kubelet.interrupt()
    }
}

@Suite("Stage 1 command line", .tags(.endToEnd))
struct Stage1CommandLineEndToEndTests {
    @Test func yamlPrintsAManifestsDocumentsAsJSON() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-\(UUID().uuidString).yaml")
        try "a: 1\nb: [x, 'y']\n---\nc: yes\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = try StageProcess(executable: Binaries.executable(named: "stage1"), arguments: ["yaml", file.path])
        #expect(try await process.waitForExit() == 0)
        #expect(process.output == "[\n  {\n    \"a\": 1,\n    \"b\": [\n      \"x\",\n      \"y\"\n    ]\n  },\n  {\n    \"c\": true\n  }\n]\n")
    }

    @Test func yamlNamesTheLineAndColumnOfAnError() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).yaml")
        try "a: 1\nb: [x, y\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = try StageProcess(executable: Binaries.executable(named: "stage1"), arguments: ["yaml", file.path])
        #expect(try await process.waitForExit() == 2)
        #expect(process.output.contains("\(file.path):3:1:"), "\(process.output)")
    }

    @Test func helpListsEveryFlagWithItsDefault() async throws {
        let process = try StageProcess(executable: Binaries.executable(named: "stage1"), arguments: ["--help"])
        #expect(try await process.waitForExit() == 0)
        for flag in ["--manifests DIR", "--root DIR", "--port N", "--node-name NAME", "(default 10255)"] {
            #expect(process.output.contains(flag), "help lacks \(flag)")
        }
    }

    @Test func anUnknownFlagIsAnErrorThatSaysSo() async throws {
        let process = try StageProcess(executable: Binaries.executable(named: "stage1"), arguments: ["--prot", "1"])
        #expect(try await process.waitForExit() == 2)
        #expect(process.output.contains("unknown flag --prot"))
    }
}
