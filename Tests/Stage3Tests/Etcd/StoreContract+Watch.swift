// Stage 3 · Store contract tests: what a store that remembers adds, once, for any store.
//
// The rules that Tests/Stage3Tests' WatchStartTests, PastReadTests and CompactionTests
// check on the embedded store, written against `StoreUnderTest` so they also hold for
// etcd: where a watch starts, what it carries, reads in the past, and what compaction
// refuses (with the compaction revision in the refusal, as Kubernetes' 410 needs).

import Foundation
import Storage
import StoreWatch
import Testing
@testable import TestSupport

extension StoreContract {
    static let watchRules: [ContractRule] = [
        ContractRule("aWatchFromARevisionNotYetReachedStartsAfterIt") { t in
            let stream = t.store.watch(prefix: t.key("/k/"), after: t.revision(3))
            for step in 0..<5 { _ = try await t.store.create(t.key("/k/\(step)"), value: Data("v")) }
            let delivered = try await collect(stream) { $0.revision == t.revision(5) }
            #expect(delivered.events.map(\.revision) == [t.revision(4), t.revision(5)])
        },
        ContractRule("aWatchSeesOnlyItsPrefixWithEachEventsPreviousValue") { t in
            let web = t.key("/registry/pods/default/web")
            let stream = t.store.watch(prefix: t.key("/registry/pods/"), after: t.start)
            _ = try await t.store.create(web, value: Data("v1"))
            _ = try await t.store.create(t.key("/registry/nodes/n1"), value: Data("n"))
            _ = try await t.store.update(web, value: Data("v2"), expectedModRevision: t.revision(1))
            _ = try await t.store.delete(web, expectedModRevision: nil)
            let delivered = try await collect(stream) { $0.revision == t.revision(4) }
            #expect(delivered.events.map(\.description) == [
                "create \(web) at \(t.revision(1))", "update \(web) at \(t.revision(3))", "delete \(web) at \(t.revision(4))",
            ])
            let delete = try #require(delivered.events.last)
            #expect(delete.kind == .delete)
            #expect(delete.value == nil)
            #expect(delete.previous?.value == Data("v2"))
            #expect(delete.previous?.modRevision == t.revision(3))
            #expect(delivered.events[1].previous?.value == Data("v1"))
        },
        ContractRule("aListAtAPastRevisionIsTheListThatWasCurrentThen") { t in
            let (web, db) = (t.key("/registry/pods/a/web"), t.key("/registry/pods/b/db"))
            var seen: [Int64: [StoredValue]] = [t.start: []]
            func note() async throws {
                let listing = try await t.store.list(prefix: t.key("/registry/pods/"))
                seen[listing.revision] = listing.items
            }
            _ = try await t.store.create(web, value: Data("v1")); try await note()
            _ = try await t.store.create(db, value: Data("v1")); try await note()
            _ = try await t.store.create(t.key("/registry/nodes/n1"), value: Data("n")); try await note()
            _ = try await t.store.update(web, value: Data("v2"), expectedModRevision: nil); try await note()
            _ = try await t.store.delete(db, expectedModRevision: nil); try await note()
            _ = try await t.store.create(db, value: Data("again")); try await note()
            _ = try await t.store.delete(web, expectedModRevision: nil); try await note()

            for (revision, items) in seen.sorted(by: { $0.key < $1.key }) {
                #expect(try await t.store.list(prefix: t.key("/registry/pods/"), atRevision: revision) == items, "at \(revision)")
            }
            let old = try await t.store.get(web, atRevision: t.revision(4))
            #expect(old?.value == Data("v2"))
            #expect(old?.version == 2)
            #expect(try await t.store.get(web, atRevision: t.revision(7)) == nil)
            #expect(try await t.store.get(db, atRevision: t.revision(5)) == nil)
        },
        ContractRule("aReadAtARevisionNotYetReachedIsRefused") { t in
            _ = try await t.store.create(t.key("/k"), value: Data("v"))
            await #expect(throws: HistoryError.futureRevision(requested: t.revision(2), current: t.revision(1))) {
                try await t.store.list(prefix: t.root, atRevision: t.revision(2))
            }
        },
        ContractRule("compactingRefusesWatchesAndExactReadsFromBeforeTheCompactRevision") { t in
            for step in 0..<10 { _ = try await t.store.create(t.key("/k/\(step)"), value: Data("v\(step)")) }
            let compacted = t.revision(5)
            try await t.store.compact(through: compacted)
            #expect(await t.store.compactRevision == compacted)

            let refused = try await collect(t.store.watch(prefix: t.root, after: compacted - 1))
            #expect(refused.events.isEmpty)
            #expect(refused.error == .compacted(requested: compacted - 1, compactRevision: compacted))
            await #expect(throws: HistoryError.compacted(requested: compacted - 1, compactRevision: compacted)) {
                try await t.store.list(prefix: t.key("/k/"), atRevision: compacted - 1)
            }
            await #expect(throws: HistoryError.compacted(requested: t.revision(1), compactRevision: compacted)) {
                try await t.store.get(t.key("/k/0"), atRevision: t.revision(1))
            }

            // At the compact revision itself both still work, and the watch's first event has its previous value.
            let kept = try await collect(t.store.watch(prefix: t.root, after: compacted)) { $0.revision == t.revision(10) }
            #expect(kept.events.map(\.revision) == Array(t.revision(6)...t.revision(10)))
            #expect(try await t.store.list(prefix: t.key("/k/"), atRevision: compacted).map(\.key) == (0..<5).map { t.key("/k/\($0)") })

            // Compacting is never undone, and never runs past the newest revision.
            try await t.store.compact(through: t.revision(2))
            #expect(await t.store.compactRevision == compacted)
            try await t.store.compact(through: t.revision(100))
            #expect(await t.store.compactRevision == t.revision(10))
            _ = try await t.store.create(t.key("/k/next"), value: Data("v"))
            let after = try await collect(t.store.watch(prefix: t.root, after: t.revision(10))) { $0.revision == t.revision(11) }
            #expect(after.events.map(\.key) == [t.key("/k/next")])
        },
        ContractRule("aWatchThatStartsAfterItsReaderLetGoLeavesNothingBehind") { t in
            // A reader that drops its stream ends the watch; the next writes go on unhindered.
            do {
                let stream = t.store.watch(prefix: t.root, after: t.start)
                _ = try await t.store.create(t.key("/k/a"), value: Data("v"))
                _ = try await collect(stream) { _ in true }
            }
            _ = try await t.store.create(t.key("/k/b"), value: Data("v"))
            let again = try await collect(t.store.watch(prefix: t.root, after: t.start)) { $0.revision == t.revision(2) }
            #expect(again.events.map(\.key) == [t.key("/k/a"), t.key("/k/b")])
        },
    ]
}
