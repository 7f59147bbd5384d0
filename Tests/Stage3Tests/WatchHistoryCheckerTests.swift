// Stage 3 · StoreWatch tests: under concurrent writers, every watcher sees exactly the store's history.
//
// The checker: several writers create, update and delete keys under different prefixes
// at once, each noting the revision the store acknowledged for every write. Those notes,
// put together, are the store's history: one write per revision, with no revision
// missing. Meanwhile watchers start at different moments, from different revisions and
// prefixes, and read as the writes happen. At the end each watcher's events must be
// exactly the history under its prefix after its revision: same revisions, keys, kinds,
// values and previous values, in order, none missing, none twice.

import Foundation
import Storage
import StoreWatch
import Testing
@testable import TestSupport

/// One acknowledged write, as its writer noted it.
private struct Acknowledged: Sendable {
    let revision: Int64
    let key: String
    /// The value written, or nil for a delete.
    let value: Data?
}

@Suite struct WatchHistoryCheckerTests {
    static let writers = 4
    static let stepsPerWriter = 40
    static let prefixes = ["", "/registry/", "/registry/pods/", "/registry/pods/b/", "/registry/nodes/"]

    /// Writer `w`'s keys: pods in namespace a or b, and nodes, so prefixes overlap.
    private static func keys(ofWriter writer: Int) -> [String] {
        ["/registry/pods/a/w\(writer)", "/registry/pods/b/w\(writer)", "/registry/nodes/w\(writer)"]
    }

    /// Creates, updates and deletes its own keys; returns every acknowledged write.
    private static func write(_ store: any WatchableKeyValueStore, writer: Int) async throws -> [Acknowledged] {
        var acknowledged: [Acknowledged] = []
        var exists: Set<String> = []
        for step in 0..<stepsPerWriter {
            let key = keys(ofWriter: writer)[step % 3]
            let value = Data("w\(writer) s\(step)")
            if !exists.contains(key) {
                acknowledged.append(Acknowledged(revision: try await store.create(key, value: value), key: key, value: value))
                exists.insert(key)
            } else if step % 4 == 0 {
                let (_, revision) = try await store.delete(key, expectedModRevision: nil)
                acknowledged.append(Acknowledged(revision: revision, key: key, value: nil))
                exists.remove(key)
            } else {
                let revision = try await store.update(key, value: value, expectedModRevision: nil)
                acknowledged.append(Acknowledged(revision: revision, key: key, value: value))
            }
        }
        return acknowledged
    }

    @Test(arguments: BaseStoreKind.allCases)
    func everyWatcherSeesExactlyTheHistoryUnderItsPrefixAfterItsRevision(kind: BaseStoreKind) async throws {
        try await kind.withStore { store in
            try await Self.check(store)
            try await eventually("every watcher to be gone") { store.watcherCount == 0 }
        }
    }

    /// The checker, on any fresh store (at revision 1, empty); EtcdWatchHistoryCheckerTests runs it on etcd.
    static func check(_ store: any WatchableKeyValueStore) async throws {
        // Watchers that start before any write, from the store's first revision.
        var watches: [(prefix: String, after: Int64, stream: AsyncThrowingStream<StoreEvent, any Error>)] = []
        for prefix in Self.prefixes {
            watches.append((prefix, 1, store.watch(prefix: prefix, after: 1)))
        }
        let history = try await withThrowingTaskGroup(of: [Acknowledged].self) { group in
            for writer in 0..<Self.writers {
                group.addTask { try await Self.write(store, writer: writer) }
            }
            // More watchers while the writers run: from the revision now, and from a
            // few revisions back (replayed from the history, then live).
            try await eventually("the writers to be under way") { await store.currentRevision > 20 }
            let now = await store.currentRevision
            for (index, prefix) in Self.prefixes.enumerated() {
                let after = index % 2 == 0 ? now : now - 10
                watches.append((prefix, after, store.watch(prefix: prefix, after: after)))
            }
            var all: [Acknowledged] = []
            for try await part in group { all += part }
            return all.sorted { $0.revision < $1.revision }
        }
        // One revision per write, none missing.
        #expect(history.map(\.revision) == Array(2...Int64(1 + Self.writers * Self.stepsPerWriter)))

        // A last write under every prefix tells each watcher where its history ends.
        var sentinels: [String: Int64] = [:]
        var full = history
        for prefix in Set(Self.prefixes) {
            let key = prefix + "~end"
            let revision = try await store.create(key, value: Data("end"))
            sentinels[prefix] = revision
            full.append(Acknowledged(revision: revision, key: key, value: Data("end")))
        }
        let expectedEvents = Self.events(replaying: full)

        for watch in watches {
            let end = try #require(sentinels[watch.prefix])
            let delivered = try await collect(watch.stream) { $0.revision == end }
            let expected = expectedEvents.filter {
                $0.key.hasPrefix(watch.prefix) && $0.revision > watch.after && $0.revision <= end
            }
            #expect(delivered.error == nil, "prefix \(watch.prefix) after \(watch.after)")
            #expect(delivered.events.map(\.revision) == expected.map(\.revision), "prefix \(watch.prefix) after \(watch.after)")
            #expect(delivered.events.map { Summary($0) } == expected, "prefix \(watch.prefix) after \(watch.after)")
        }
    }

    /// What a checker compares of an event: everything a watcher acts on.
    struct Summary: Equatable, CustomStringConvertible {
        let revision: Int64
        let key: String
        let value: Data?
        let previous: Data?
        let isCreate: Bool

        init(revision: Int64, key: String, value: Data?, previous: Data?) {
            self.revision = revision
            self.key = key
            self.value = value
            self.previous = previous
            self.isCreate = value != nil && previous == nil
        }

        init(_ event: StoreEvent) {
            self.init(revision: event.revision, key: event.key, value: event.value?.value, previous: event.previous?.value)
        }

        var description: String { "\(key)@\(revision)" }
    }

    /// The events the acknowledged writes imply, with each key's previous value found by
    /// replaying them in revision order.
    private static func events(replaying history: [Acknowledged]) -> [Summary] {
        var current: [String: Data] = [:]
        return history.sorted { $0.revision < $1.revision }.map { write in
            let summary = Summary(revision: write.revision, key: write.key, value: write.value, previous: current[write.key])
            current[write.key] = write.value
            return summary
        }
    }
}
