// Stage 3 · WatchCache tests: one resource's cache, its window, its slow clients and its bookmarks' times.

import API
import APIMachinery
import APIServer
import ClusterKinds
import Storage
import StoreWatch
import Synchronization
import Testing
@testable import WatchCache
@testable import TestSupport

@Suite struct ResourceWatchCacheTests {
    @Test func aSlowClientIsCutOffWithoutSlowingTheOthers() async throws {
        let limit = 5
        let store = await WatchableStore(MemoryStore())
        let storage = RESTStorage<PodStrategy>(store: store)
        let limits = WatchCacheLimits(clientBufferEvents: limit, progressInterval: .seconds(3600), tickInterval: .milliseconds(20))
        let cache = ResourceWatchCache(storage: storage, store: store, startingAfter: await store.currentRevision, limits: limits)
        let start = cache.revision
        let prefix = Pod.resource.storagePrefix(namespace: "default")
        let slow = try #require(cache.watch(prefix: prefix, after: start))
        let fast = try #require(cache.watch(prefix: prefix, after: start))
        let fastSeen = EventCounter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await cache.run() }
            group.addTask { for try await _ in fast { fastSeen.add() } }
            defer { group.cancelAll() }
            // Each write waits for the fast client to have it; the slow one never reads.
            for index in 1...(limit + 4) {
                _ = try await storage.create(makePod("p\(index)"), namespace: "default")
                try await eventually("the fast client to have \(index) events") { fastSeen.count == index }
            }
            #expect(cache.clientCount == 1, "the slow client is gone, the fast one stays")
        }
        var slowSeen = 0
        var ending: (any Error)?
        do {
            for try await _ in slow { slowSeen += 1 }
        } catch {
            ending = error
        }
        #expect(slowSeen == limit + 1)
        #expect(ending as? HistoryError == .fellBehind(limit: limit))
    }

    @Test func theWindowKeepsTheNewestEventsAndRefusesVersionsBeforeThem() {
        var window = CacheWindow<String>(startingAfter: 10, capacity: 2)
        #expect(window.elements(after: 10) == [])
        #expect(window.elements(after: 9) == nil)
        window.append("a", at: 12)
        window.append("b", at: 15)
        #expect(window.elements(after: 10) == ["a", "b"])
        #expect(window.elements(after: 12) == ["b"])
        window.append("c", at: 20)
        #expect(window.oldest == 12)
        #expect(window.elements(after: 11) == nil)
        #expect(window.elements(after: 12) == ["b", "c"])
        #expect(window.elements(after: 17) == ["c"])
        window.advance(to: 30)
        #expect(window.revision == 30)
        #expect(window.elements(after: 30) == [])
        for (index, revision) in (31...40).enumerated() { window.append("e\(index)", at: Int64(revision)) }
        #expect(window.count == 2)
        #expect(window.elements(after: 38) == ["e8", "e9"])
    }

    @Test func bookmarksComeEveryIntervalAndOnceJustBeforeTheTimeout() {
        let start = ContinuousClock.now
        var schedule = BookmarkSchedule(
            start: start, interval: .seconds(60), beforeDeadline: .seconds(2), deadline: start.advanced(by: .seconds(100)))
        let due = [59, 60, 97, 98, 99].map { schedule.isDue(at: start.advanced(by: .seconds($0))) }
        // At 60 s, then two seconds before the timeout at 100 s, then never again.
        #expect(due == [false, true, false, true, false])
        #expect(schedule.next == nil)

        var endless = BookmarkSchedule(start: start, interval: .seconds(60), beforeDeadline: .seconds(2), deadline: nil)
        #expect([60, 90, 120].map { endless.isDue(at: start.advanced(by: .seconds($0))) } == [true, false, true])
    }

    @Test func aResourceVersionThatIsNotANumberIsRefusedInGosWords() {
        #expect(throws: Never.self) { try ResourceVersionRules.revision("") }
        #expect((try? ResourceVersionRules.revision("0")) == 0)
        #expect((try? ResourceVersionRules.revision("42")) == 42)
        for (text, problem) in [("abc", "invalid syntax"), ("-1", "invalid syntax"), ("99999999999999999999", "value out of range")] {
            do {
                _ = try ResourceVersionRules.revision(text)
                Issue.record("\(text) was accepted")
            } catch {
                #expect(error.code == 400)
                #expect(error.reason == .badRequest)
                #expect(error.message
                    == "invalid resource version: resourceVersion: Invalid value: \"\(text)\": strconv.ParseUint: parsing \"\(text)\": \(problem)")
            }
        }
    }
}

/// How many items a reader has seen, read from another task.
final class EventCounter: Sendable {
    private let seen = Mutex(0)
    var count: Int { seen.withLock { $0 } }
    func add() { seen.withLock { $0 += 1 } }
}
