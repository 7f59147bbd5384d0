// Stage 3 · Informers tests: a real API server in-process, a scripted ListWatch, a clock that does not wait.
//
// The client's watch and the informer are tested twice over. Against the real stage-2
// API server (its request handling over a `MemoryStore`, on a free loopback port), they
// must see what the API client writes. Against `ScriptedListWatch`, which plays back
// lists, watch events and failures in a set order, they must follow the rules a real
// server cannot be made to provoke on cue yet: a stream that ends, a 410, errors in a
// row. `InstantClock` records every wait it is asked for and returns at once, so back-off
// is checked by its durations, not by waiting for them.

import API
import APIMachinery
@testable import APIServer
import Client
import ClusterKinds
import Common
import Foundation
import Informers
import Storage
import Synchronization
import Testing
@testable import TestSupport

// MARK: The real API server

/// Runs `body` with a client of a fresh API server (pods and namespaces) whose watch
/// looks every `watchInterval`, once its built-in namespaces exist; then stops it.
@discardableResult
func withAPIServer<T: Sendable>(
    watchInterval: Duration = .milliseconds(20), _ body: (APIClient) async throws -> T
) async throws -> T {
    let resources = [
        ResourceRegistration(PodStrategy.self, subresources: ["status": StatusSubresource()]),
        ResourceRegistration(NamespaceStrategy.self, subresources: ["status": StatusSubresource()]),
    ]
    let server = try APIServer(
        store: MemoryStore(), resources: resources, watch: PollingWatch(interval: watchInterval), port: 0, logger: .silent)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.run() }
        defer { group.cancelAll() }
        let client = try APIClient(server: "http://127.0.0.1:\(server.port)")
        try await eventually("the built-in namespaces to exist") {
            (try? await client.get(Namespace.self, name: "default")) != nil
        }
        return try await body(client)
    }
}

/// A pod with one container, in `default` unless told otherwise.
func makePod(_ name: String, namespace: String = "default", node: String = "", labels: [String: String] = [:]) -> Pod {
    Pod(
        metadata: ObjectMeta(name: name, namespace: namespace, labels: labels),
        spec: PodSpec(containers: [Container(name: "main", image: "busybox")], nodeName: node))
}

/// Deletes a pod at once (grace period 0), as `kubectl delete --now --force` does.
func deleteNow(_ client: APIClient, _ name: String, namespace: String = "default") async throws {
    try await client.delete(Pod.self, namespace: namespace, name: name, options: DeleteOptions(gracePeriodSeconds: 0))
}

/// The first `count` events of `events`; fails if they have not all come within `seconds`.
func firstEvents(_ count: Int, of events: AsyncThrowingStream<WatchEvent<Pod>, Error>, seconds: Double = 60) async throws -> [WatchEvent<Pod>] {
    try await withDeadline(seconds: seconds) {
        var seen: [WatchEvent<Pod>] = []
        for try await event in events {
            seen.append(event)
            if seen.count == count { return seen }
        }
        throw HarnessError("the watch ended after \(seen.count) of \(count) events")
    }
}

// MARK: What handlers were told

/// Records every call an informer makes to one handler, as `add ns/name`, `update ns/name`, `delete ns/name`.
final class HandlerLog: Sendable {
    private let lines = Mutex<[String]>([])

    var calls: [String] { lines.withLock { $0 } }

    var handler: ResourceEventHandler<Pod> {
        ResourceEventHandler(
            onAdd: { [self] in record("add \(Indexer.key(of: $0))") },
            onUpdate: { [self] _, new in record("update \(Indexer.key(of: new))") },
            onDelete: { [self] in record("delete \(Indexer.key(of: $0))") })
    }

    private func record(_ line: String) { lines.withLock { $0.append(line) } }
}

// MARK: A scripted ListWatch

/// A `ListWatch` that plays back a script and records what it was asked. Once its
/// script is used up, a watch stays open, sending nothing, until cancelled.
final class ScriptedListWatch: ListWatch {
    /// One answer to one call.
    enum Step: Sendable {
        /// A list with these pods at this version.
        case list([Pod], resourceVersion: String)
        /// A list that fails.
        case listFails
        /// A watch that sends these events, then ends normally.
        case watch([WatchEvent<Pod>])
        /// A watch that sends these events, then breaks (the connection dropped).
        case watchBreaks([WatchEvent<Pod>])
        /// A watch that cannot start (the server refused the connection).
        case watchFails
    }

    struct Failure: Error {}

    private struct State {
        var lists: [Step]
        var watches: [Step]
        var calls: [String] = []
    }

    private let state: Mutex<State>

    /// Lists answer from `lists` in order, watches from `watches`.
    init(lists: [Step], watches: [Step]) {
        state = Mutex(State(lists: lists, watches: watches))
    }

    /// Every call so far: `list`, or `watch <version>`.
    var calls: [String] { state.withLock { $0.calls } }

    func list() async throws -> List<Pod> {
        let step: Step? = state.withLock { state in
            state.calls.append("list")
            return state.lists.isEmpty ? nil : state.lists.removeFirst()
        }
        switch step {
        case .list(let pods, let version): return List(metadata: ListMeta(resourceVersion: version), items: pods)
        default: throw Failure()
        }
    }

    func watch(from resourceVersion: String) async throws -> AsyncThrowingStream<WatchEvent<Pod>, Error> {
        let step: Step? = state.withLock { state in
            state.calls.append("watch \(resourceVersion)")
            return state.watches.isEmpty ? nil : state.watches.removeFirst()
        }
        let (stream, continuation) = AsyncThrowingStream<WatchEvent<Pod>, Error>.makeStream()
        switch step {
        case .watch(let events):
            for event in events { continuation.yield(event) }
            continuation.finish()
        case .watchBreaks(let events):
            for event in events { continuation.yield(event) }
            continuation.finish(throwing: Failure())
        case .watchFails, .list, .listFails:
            throw Failure()
        case nil:
            // Open and silent: the stream ends only when its consumer is cancelled.
            return AsyncThrowingStream { await waitUntilCancelled(); return nil }
        }
        return stream
    }
}

/// A pod at a resourceVersion, for scripts.
func pod(_ name: String, version: String) -> Pod {
    var pod = makePod(name)
    pod.metadata.resourceVersion = version
    return pod
}

/// The ERROR event a watch from a compacted version gets.
let expiredEvent = WatchEvent<Pod>.error(Status(
    status: .failure, message: "too old resource version: 5 (10)", reason: .expired, code: 410))

// MARK: A clock that does not wait

/// A clock whose `sleep` records the wait asked for, moves its time on by that much, and
/// returns at once.
final class InstantClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let state = Mutex((now: Instant(offset: .zero), waits: [Duration]()))

    var now: Instant { state.withLock { $0.now } }
    var minimumResolution: Duration { .nanoseconds(1) }
    /// Every wait asked for, in order.
    var waits: [Duration] { state.withLock { $0.waits } }

    /// The `Clock` conformance, not a sleep: it records the wait and jumps the clock to its
    /// deadline at once, so that a test reads which back-offs were asked for without waiting.
    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        state.withLock { state in
            state.waits.append(state.now.duration(to: deadline))
            state.now = max(state.now, deadline)
        }
        await Task.yield()
    }
}
