// A runtime that starts on the root an earlier one left knows what it left, and stops it.

import Foundation
import Testing
@testable import ProcessRuntime
import CRI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Test func laterRuntimeStopsTheContainersAnEarlierOneLeftRunning() async throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    var earlier: ProcessRuntime? = try ProcessRuntime(root: root, logger: .silent)
    let id = try await startContainer(earlier!, ["sleep", "100"])
    let pid = try #require(try await earlier!.containerStatus(id: id).pid)
    earlier = nil   // as if the kubelet were killed: nothing is stopped

    let later = try ProcessRuntime(root: root, logger: .silent)
    #expect(try await later.containerStatus(id: id).state == .running)
    let stopped = await later.recoverLeftovers()
    #expect(stopped == [id])
    #expect(isGone(pid))
    let status = try await later.containerStatus(id: id)
    #expect(status.state == .exited)
    #expect(status.exitCode == 255)
    #expect(status.reason == "Unknown")
    await later.stopAll(timeout: .zero)
}

@Test func recoveryLeavesAlonePidsThatNameAnotherProcess() async throws {
    try await withRuntime { runtime, root in
        // A record claiming that this very test process is a container an earlier runtime
        // started at some other time: its pid is alive, but it is not that process.
        let id = try await startContainer(runtime, ["true"])
        _ = try await exitedStatus(runtime, id)
        let file = root + "/containers/\(id)/container.json"
        var record = try JSONDecoder.iso8601.decode(StoredContainer.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
        record.state = .running
        record.process = ProcessIdentity(pid: getpid(), startTime: 1)
        try RuntimeRoot(path: root).write(record, to: file)

        let later = try ProcessRuntime(root: root, logger: .silent)
        #expect(await later.recoverLeftovers().isEmpty)
        let status = try await later.containerStatus(id: id)
        #expect(status.state == .exited)
        #expect(status.reason == "Unknown")
    }
}

@Test func laterRuntimeReadsTheRecordsOfAnEarlierOne() async throws {
    try await withRuntime { runtime, root in
        let id = try await startContainer(runtime, ["sh", "-c", "exit 7"])
        _ = try await exitedStatus(runtime, id)
        let later = try ProcessRuntime(root: root, logger: .silent)
        let status = try await later.containerStatus(id: id)
        #expect(status.exitCode == 7)
        #expect(status.metadata.name == "main")
        #expect(await later.listPodSandboxes().count == 1)
    }
}

extension JSONDecoder {
    /// A decoder for the runtime's records, which write dates in ISO 8601.
    static var iso8601: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
