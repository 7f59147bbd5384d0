// Stage 1 · Kubelet tests: routing of the read-only HTTP API (port 10255).
//
// The server is called directly with hand-made requests; its pod manager, status
// manager and workers are real, filled by the test, and no worker ever runs.

import API
import CRI
import Common
import Foundation
import HTTP
import Testing
@testable import Kubelet
@testable import TestSupport

extension PodWorker {
    /// Puts a container record in the worker's table, as a sync would have.
    func recordForTesting(_ record: ContainerRecord, named name: String) {
        containers[name] = record
    }
}

/// A server over one pod, `hello-node1`, whose container `web` logs to `logPath`.
private struct ServerFixture {
    let server: KubeletServer
    let pod: Pod

    init(logPath: String = "/dev/null", previousLogPath: String? = nil) async {
        var pod = KubeletFixtures.pod(name: "hello-node1")
        pod.applyDefaults()
        self.pod = pod
        let podManager = PodManager()
        _ = await podManager.apply(PodSourceUpdate(source: "file", pods: [pod]))
        let statusManager = StatusManager()
        await statusManager.setStatus(PodStatus(phase: .running), forPod: pod.metadata.uid)
        let worker = PodWorker(
            pod: pod, runtime: UnusedRuntime(),
            configuration: KubeletConfiguration(nodeName: "node1", rootDirectory: URL(filePath: "/nonexistent"), manifestDirectory: nil),
            statusManager: statusManager, recorder: LoggingEventRecorder(logger: .silent), logger: .silent)
        let previous = previousLogPath.map { KubeletFixtures.runtimeStatus("web", state: .exited, exitCode: 1, logPath: $0) }
        var record = KubeletFixtures.exited("web", exitCode: 0, attempt: previous == nil ? 0 : 1)
        record.status.logPath = logPath
        record.previous = previous
        await worker.recordForTesting(record, named: "web")
        let workers = PodWorkers()
        await workers.add(worker, forPod: pod.metadata.uid)
        server = KubeletServer(
            podManager: podManager, statusManager: statusManager, workers: workers,
            machine: MachineInfo(numCores: 2, memoryCapacity: 1 << 30, machineID: "m", bootID: "b"),
            followInterval: .milliseconds(10))
    }

    func get(_ target: String, method: String = "GET") async -> HTTPResponse {
        await server.handle(HTTPRequest(method: method, target: target))
    }
}

/// The complete body of a response that is not streamed.
private func body(_ response: HTTPResponse) -> String {
    guard case .bytes(let bytes) = response.body else { return "<streamed>" }
    return String(decoding: bytes, as: UTF8.self)
}

@Test func healthzAnswersOk() async {
    let response = await ServerFixture().get("/healthz")
    #expect(response.status == .ok)
    #expect(body(response) == "ok")
}

@Test func unknownPathAnswersKubernetesPlain404() async {
    let fixture = await ServerFixture()
    for target in ["/nope", "/healthz/extra", "/pods/hello-node1", "/"] {
        let response = await fixture.get(target)
        #expect(response.status == .notFound, "\(target)")
        #expect(body(response) == "404 page not found\n", "\(target)")
    }
}

@Test func postIsRefusedBecauseTheAPIIsReadOnly() async {
    let response = await ServerFixture().get("/pods", method: "POST")
    #expect(response.status == .methodNotAllowed)
    #expect(body(response) == "method POST is not allowed: this API is read-only\n")
}

@Test func podsAnswerDecodesAsAPodListWithLiveStatus() async throws {
    let fixture = await ServerFixture()
    let response = await fixture.get("/pods")
    #expect(response.status == .ok)
    #expect(response.headers["Content-Type"] == "application/json")
    let list = try APIJSON.decode(PodList.self, from: Data(body(response).utf8))
    #expect(list.kind == "PodList")
    #expect(list.items.map(\.metadata.name) == ["hello-node1"])
    #expect(list.items.first?.status.phase == .running)
}

@Test func specAnswersTheMachineInCAdvisorNames() async throws {
    let response = await ServerFixture().get("/spec/")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(body(response).utf8)) as? [String: Any])
    #expect(object["num_cores"] as? Int == 2)
    #expect(object["memory_capacity"] as? Int == 1 << 30)
}

@Test func containerLogsAnswersTheWholeLog() async throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let log = try folder.write("one\ntwo\nthree\n", to: "0.log")
    let response = await ServerFixture(logPath: log.path).get("/containerLogs/default/hello-node1/web")
    #expect(response.status == .ok)
    #expect(body(response) == "one\ntwo\nthree\n")
}

@Test func containerLogsTailLinesAnswersTheLastLines() async throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let log = try folder.write("one\ntwo\nthree\n", to: "0.log")
    let response = await ServerFixture(logPath: log.path).get("/containerLogs/default/hello-node1/web?tailLines=2")
    #expect(body(response) == "two\nthree\n")
}

@Test func containerLogsPreviousAnswersTheAttemptBefore() async throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let current = try folder.write("now\n", to: "1.log")
    let previous = try folder.write("before\n", to: "0.log")
    let fixture = await ServerFixture(logPath: current.path, previousLogPath: previous.path)
    #expect(body(await fixture.get("/containerLogs/default/hello-node1/web?previous=true")) == "before\n")
}

@Test func negativeTailLinesIsABadRequest() async {
    let response = await ServerFixture().get("/containerLogs/default/hello-node1/web?tailLines=-1")
    #expect(response.status == .badRequest)
    #expect(body(response) == "tailLines must be a non-negative integer, got -1\n")
}

@Test func containerLogsOfAnUnknownPodIsNotFound() async {
    let response = await ServerFixture().get("/containerLogs/default/nope/web")
    #expect(response.status == .notFound)
    #expect(body(response) == "pod default/nope not found\n")
}

@Test func containerLogsOfAnUnknownContainerIsABadRequest() async {
    let response = await ServerFixture().get("/containerLogs/default/hello-node1/db")
    #expect(response.status == .badRequest)
    #expect(body(response) == "container \"db\" in pod \"hello-node1\" is not available\n")
}

@Test func previousLogsOfAContainerThatNeverRestartedIsABadRequest() async {
    let response = await ServerFixture().get("/containerLogs/default/hello-node1/web?previous=true")
    #expect(response.status == .badRequest)
    #expect(body(response) == "previous terminated container \"web\" in pod \"hello-node1\" not found\n")
}

@Test func followingAStoppedContainerAnswersAtOnce() async throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let log = try folder.write("done\n", to: "0.log")
    let response = await ServerFixture(logPath: log.path).get("/containerLogs/default/hello-node1/web?follow=true")
    #expect(body(response) == "done\n")
}

@Test func aLogLongerThanAPieceIsStreamedWholeAPieceAtATime() async throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let lines = (0..<40_000).map { "2026-12-01T17:00:00.000000000Z stdout F line \($0)\n" }
    let log = try folder.write(lines.joined(), to: "0.log")
    let fixture = await ServerFixture(logPath: log.path)
    let direct = await fixture.get("/containerLogs/default/hello-node1/web")
    guard case .stream = direct.body else {
        Issue.record("a log of \(lines.count) lines should be streamed, not read whole")
        return
    }
    let kubelet = fixture.server
    let server = try HTTPServer(port: 0, logger: .silent) { request in await kubelet.handle(request) }
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.run() }
        defer { group.cancelAll() }
        let limited = try await TestHTTPClient().get(port: server.port, path: "/containerLogs/default/hello-node1/web?limitBytes=100000")
        #expect(limited.body.utf8.count == 100_000)
        let whole = try await TestHTTPClient().get(port: server.port, path: "/containerLogs/default/hello-node1/web")
        #expect(whole.status == 200)
        #expect(whole.body == (0..<40_000).map { "line \($0)\n" }.joined())
    }
}
