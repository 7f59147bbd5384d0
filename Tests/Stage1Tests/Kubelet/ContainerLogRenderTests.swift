// Stage 1 · Kubelet tests: CRI log entries rendered as `kubectl logs` shows them, with its options.

import API
import Foundation
import Testing
@testable import Kubelet

private let log = """
    2026-12-01T10:00:00.100000000Z stdout F early
    2026-12-01T10:00:05.000000000Z stderr P half a
    2026-12-01T10:00:05.000000001Z stderr F  line
    2026-12-01T10:00:09.123456789Z stdout F late

    """

private func render(_ options: ContainerLogOptions, _ text: String = log) -> String {
    var budget = options.limitBytes
    return String(decoding: ContainerLogs.render(Array(text.utf8), options: options, budget: &budget), as: UTF8.self)
}

@Test func renderGivesBackWhatTheContainerPrintedJoiningPartialEntries() {
    #expect(render(ContainerLogOptions()) == "early\nhalf a line\nlate\n")
}

@Test func renderWithTimestampsPrefixesEachEntryAsGoWritesRFC3339Nano() {
    let lines = render(ContainerLogOptions(timestamps: true)).split(separator: "\n")
    #expect(lines.first == "2026-12-01T10:00:00.1Z early")
    #expect(lines.last == "2026-12-01T10:00:09.123456789Z late")
}

@Test func renderSinceLeavesOutOlderEntries() {
    let since = ContainerLogs.criTimestamp(Date(timeIntervalSince1970: 1_796_119_206))  // 2026-12-01T10:00:06Z
    #expect(since == "2026-12-01T10:00:06.000000000Z")
    #expect(render(ContainerLogOptions(since: since)) == "late\n")
}

@Test func renderStopsAtTheByteLimitMidLine() {
    #expect(render(ContainerLogOptions(limitBytes: 8)) == "early\nha")
}

@Test func renderPassesOnLinesThatAreNotCRIEntries() {
    #expect(render(ContainerLogOptions(timestamps: true), "plain text\n") == "plain text\n")
}

@Test func logOptionsAreReadFromTheQuery() throws {
    let now = Date(timeIntervalSince1970: 1_796_119_210)
    let options = try KubeletServer.logOptions(["timestamps": "true", "limitBytes": "10", "sinceSeconds": "4", "tailLines": "2"], now: now).get()
    #expect(options == ContainerLogOptions(tailLines: 2, since: "2026-12-01T10:00:06.000000000Z", timestamps: true, limitBytes: 10))
    let sinceTime = try KubeletServer.logOptions(["sinceTime": "2026-12-01T10:00:06Z"]).get()
    #expect(sinceTime.since == "2026-12-01T10:00:06.000000000Z")
    #expect(throws: KubeletError.self) { try KubeletServer.logOptions(["limitBytes": "0"]).get() }
}

@Test func aContainerNotStartedYetIsWaitingToStartWithItsReason() {
    var pod = KubeletFixtures.pod(name: "web", initContainers: ["init"])
    pod.applyDefaults()
    var status = PodStatus()
    var waiting = ContainerStatus()
    waiting.name = "web"
    waiting.state = ContainerState(waiting: ContainerStateWaiting(reason: "PodInitializing", message: ""))
    status.containerStatuses = [waiting]
    #expect(KubeletServer.noLogMessage(pod: pod, container: "web", previous: false, status: status)
            == #"container "web" in pod "web" is waiting to start: PodInitializing"#)
    #expect(KubeletServer.noLogMessage(pod: pod, container: "web", previous: false, status: nil)
            == #"container "web" in pod "web" is waiting to start: ContainerCreating"#)
}
