// Stage 3 · Informers tests: the reflector's rules, against a scripted ListWatch and a clock that does not wait.

import API
import APIMachinery
import Common
import Informers
import Synchronization
import Testing
@testable import TestSupport

@Suite struct ReflectorTests {
    /// A short back-off without jitter, so the waits asked for can be compared exactly.
    static let backoff = Backoff(initial: .seconds(1), cap: .seconds(3), resetAfter: .seconds(600))

    /// Runs a reflector over `listWatch` until `done` holds of it, then cancels it; returns what it applied.
    static func reflect(
        _ listWatch: ScriptedListWatch, clock: InstantClock = InstantClock(), logger: Logger = .silent,
        until done: @escaping @Sendable () -> Bool
    ) async throws -> [Delta<Pod>] {
        let applied = Mutex<[Delta<Pod>]>([])
        let reflector = Reflector(listWatch: listWatch, backoff: backoff, clock: clock, logger: logger) { delta in
            applied.withLock { $0.append(delta) }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await reflector.run() }
            try await eventually("the script to be played") { done() }
            group.cancelAll()
            try await group.waitForAll()
        }
        return applied.withLock { $0 }
    }

    @Test func aReflectorListsThenWatchesFromTheListsVersion() async throws {
        let listWatch = ScriptedListWatch(lists: [.list([pod("a", version: "5")], resourceVersion: "7")], watches: [])
        let applied = try await Self.reflect(listWatch) { listWatch.calls.count == 2 }
        #expect(listWatch.calls == ["list", "watch 7"])
        #expect(applied == [.replaced([pod("a", version: "5")], resourceVersion: "7")])
    }

    @Test func aStreamThatEndsIsWatchedAgainFromTheLastVersionSeenWithoutAList() async throws {
        let clock = InstantClock()
        let listWatch = ScriptedListWatch(
            lists: [.list([pod("a", version: "5")], resourceVersion: "5")],
            watches: [
                .watch([.added(pod("b", version: "6")), .modified(pod("a", version: "7"))]),
                .watch([.bookmark(resourceVersion: "9")]),
                .watch([.deleted(pod("b", version: "10"))]),
            ])
        let applied = try await Self.reflect(listWatch, clock: clock) { listWatch.calls.count == 5 }
        #expect(listWatch.calls == ["list", "watch 5", "watch 7", "watch 9", "watch 10"])
        #expect(applied == [
            .replaced([pod("a", version: "5")], resourceVersion: "5"),
            .added(pod("b", version: "6")), .modified(pod("a", version: "7")), .deleted(pod("b", version: "10")),
        ])
        #expect(clock.waits.isEmpty, "a watch that ends normally is renewed at once")
    }

    @Test func a410ExpiredErrorEventMakesTheReflectorListAgain() async throws {
        let clock = InstantClock()
        let listWatch = ScriptedListWatch(
            lists: [.list([pod("a", version: "5")], resourceVersion: "5"), .list([pod("b", version: "11")], resourceVersion: "12")],
            watches: [.watch([.added(pod("c", version: "6")), expiredEvent])])
        let lines = Mutex<[String]>([])
        let logger = Logger(label: "reflector") { line in lines.withLock { $0.append(line) } }
        let applied = try await Self.reflect(listWatch, clock: clock, logger: logger) { listWatch.calls.count == 4 }
        #expect(listWatch.calls == ["list", "watch 5", "list", "watch 12"])
        #expect(applied == [
            .replaced([pod("a", version: "5")], resourceVersion: "5"), .added(pod("c", version: "6")),
            .replaced([pod("b", version: "11")], resourceVersion: "12"),
        ])
        #expect(clock.waits == [.seconds(1)])
        #expect(lines.withLock { $0 }.contains { $0.contains("watch too old; listing again resource=pods") })
    }

    @Test func aWatchThatBreaksIsResumedFromTheLastVersionAfterABackOff() async throws {
        let clock = InstantClock()
        let listWatch = ScriptedListWatch(
            lists: [.list([], resourceVersion: "5")],
            watches: [.watchBreaks([.added(pod("b", version: "6"))]), .watchFails])
        _ = try await Self.reflect(listWatch, clock: clock) { listWatch.calls.count == 4 }
        #expect(listWatch.calls == ["list", "watch 5", "watch 6", "watch 6"])
        #expect(clock.waits == [.seconds(1), .seconds(2)])
    }

    @Test func aWatchThatEndsAtOnceWithNothingIsRenewedOnlyAfterABackOff() async throws {
        let clock = InstantClock()
        let listWatch = ScriptedListWatch(lists: [.list([], resourceVersion: "5")], watches: [.watch([]), .watch([])])
        _ = try await Self.reflect(listWatch, clock: clock) { listWatch.calls.count == 4 }
        #expect(listWatch.calls == ["list", "watch 5", "watch 5", "watch 5"])
        #expect(clock.waits == [.seconds(1), .seconds(2)])
    }

    @Test func failuresInARowAreWaitedOutLongerEachTimeUpToTheCap() async throws {
        let clock = InstantClock()
        let listWatch = ScriptedListWatch(
            lists: [.listFails, .listFails, .listFails, .listFails, .list([], resourceVersion: "1")], watches: [])
        _ = try await Self.reflect(listWatch, clock: clock) { listWatch.calls.count == 6 }
        #expect(listWatch.calls == ["list", "list", "list", "list", "list", "watch 1"])
        #expect(clock.waits == [.seconds(1), .seconds(2), .seconds(3), .seconds(3)])
    }
}
