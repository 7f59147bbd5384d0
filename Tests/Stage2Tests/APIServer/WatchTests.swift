// Stage 2 · APIServer tests: the polling watch, driven through a sink as the endpoint drives it.

import API
import APIMachinery
@testable import APIServer
import ClusterKinds
import Storage
import Synchronization
import Testing
@testable import TestSupport

/// What a watch sent, line by line, and a switch to play the client leaving.
final class WatchRecording: Sendable {
    private let state = Mutex((lines: [String](), isGone: false))
    var lines: [String] { state.withLock { $0.lines } }
    func append(_ bytes: [UInt8]) { state.withLock { $0.lines.append(String(decoding: bytes, as: UTF8.self)) } }
    func leave() { state.withLock { $0.isGone = true } }
    var isGone: Bool { state.withLock { $0.isGone } }

    /// The `type`s sent so far.
    var types: [String] { lines.compactMap { $0.split(separator: "\"").dropFirst(3).first.map(String.init) } }
}

@Suite struct WatchTests {
    static func namespace(_ name: String) -> Namespace {
        var namespace = Namespace()
        namespace.metadata.name = name
        return namespace
    }

    @Test func aWatchSendsTheCurrentObjectsThenEachChangeUntilTheClientLeaves() async throws {
        let storage = RESTStorage<NamespaceStrategy>(store: MemoryStore())
        _ = try await storage.create(Self.namespace("a"), namespace: "")
        let recording = WatchRecording()
        let watching = Task {
            let sink = WatchSink<NamespaceStrategy>(
                timeout: .seconds(60), isClientGone: { recording.isGone }, write: { recording.append($0) })
            try await PollingWatch(interval: .milliseconds(10)).watch(storage, WatchRequest(), into: sink)
        }
        try await eventually("the current namespace as ADDED") { recording.types == ["ADDED"] }
        var b = try await storage.create(Self.namespace("b"), namespace: "")
        try await eventually("the new namespace as ADDED") { recording.types == ["ADDED", "ADDED"] }
        b.metadata.labels = ["team": "x"]
        _ = try await storage.update(b, namespace: "", name: "b")
        try await eventually("the change as MODIFIED") { recording.types.last == "MODIFIED" }
        _ = try await storage.remove(namespace: "", name: "a")
        try await eventually("the removal as DELETED") { recording.types.last == "DELETED" }
        #expect(recording.lines.allSatisfy { $0.hasPrefix(#"{"type":""#) && $0.hasSuffix("}\n") })
        recording.leave()
        try await withDeadline { try await watching.value }
    }

    @Test func aWatchFromAResourceVersionSendsOnlyLaterChanges() async throws {
        let storage = RESTStorage<NamespaceStrategy>(store: MemoryStore())
        let a = try await storage.create(Self.namespace("a"), namespace: "")
        let recording = WatchRecording()
        let watching = Task {
            let sink = WatchSink<NamespaceStrategy>(timeout: .seconds(60), isClientGone: { recording.isGone }, write: { recording.append($0) })
            try await PollingWatch(interval: .milliseconds(10))
                .watch(storage, WatchRequest(resourceVersion: a.metadata.resourceVersion), into: sink)
        }
        _ = try await storage.create(Self.namespace("b"), namespace: "")
        try await eventually("only the new namespace") { recording.types == ["ADDED"] }
        #expect(recording.lines.first?.contains(#""name":"b""#) == true)
        recording.leave()
        try await withDeadline { try await watching.value }
    }

    @Test func aWatchEndsWhenItsTimeIsUp() async throws {
        let storage = RESTStorage<NamespaceStrategy>(store: MemoryStore())
        try await withDeadline {
            let sink = WatchSink<NamespaceStrategy>(timeout: .milliseconds(50), isClientGone: { false }, write: { _ in })
            try await PollingWatch(interval: .milliseconds(10)).watch(storage, WatchRequest(), into: sink)
        }
    }

    @Test func bookmarksAndErrorsAreWrittenAsKubernetesWritesThem() throws {
        let sink = WatchSink<PodStrategy>(timeout: .seconds(1), isClientGone: { false }, write: { _ in })
        #expect(String(decoding: try sink.line(for: .bookmark(resourceVersion: "12746")), as: UTF8.self)
            == #"{"type":"BOOKMARK","object":{"apiVersion":"v1","kind":"Pod","metadata":{"resourceVersion":"12746"}}}"# + "\n")
        let line = String(decoding: try sink.line(for: .error(.notFound(.pods, name: "web"))), as: UTF8.self)
        #expect(line.hasPrefix(#"{"type":"ERROR","object":{"apiVersion":"v1","#) && line.contains(#""code":404"#))
    }

    @Test func aTableWatchSendsTheColumnsInTheFirstEventOnly() throws {
        let sink = WatchSink<NamespaceStrategy>(timeout: .seconds(1), asTable: true, isClientGone: { false }, write: { _ in })
        let first = String(decoding: try sink.line(for: .added(Self.namespace("a"))), as: UTF8.self)
        let second = String(decoding: try sink.line(for: .added(Self.namespace("b"))), as: UTF8.self)
        #expect(first.contains(#""columnDefinitions":[{"#) && first.contains(#""kind":"Table""#))
        #expect(second.contains(#""columnDefinitions":[]"#))
    }
}
