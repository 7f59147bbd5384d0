// Stage 3 · StoreWatch tests: the history as a plain value, without a store.

@testable import Storage
import Testing
@testable import StoreWatch

@Suite struct EventHistoryTests {
    private func event(_ revision: Int64, _ key: String = "/k") -> StoreEvent {
        let value = StoredValue(key: key, value: .init(), createRevision: revision, modRevision: revision, version: 1)
        return StoreEvent(CommittedWrite(.put(value), replacing: nil))
    }

    @Test func eventsAfterARevisionAreTheKeptOnesThatFollowIt() throws {
        var history = EventHistory(startingAfter: 1, limits: .init(historyEvents: 3, historyBytes: 1 << 20, watcherBufferEvents: 1))
        #expect(try history.events(after: 1).isEmpty)
        for revision in Int64(2)...6 { history.append(event(revision)) }
        #expect(history.compactRevision == 3)
        #expect(history.latestRevision == 6)
        #expect(try history.events(after: 3).map(\.revision) == [4, 5, 6])
        #expect(try history.events(after: 5).map(\.revision) == [6])
        #expect(try history.events(after: 6).isEmpty)
        #expect(try history.events(after: 9).isEmpty)
        #expect(throws: HistoryError.compacted(requested: 2, compactRevision: 3)) { try history.events(after: 2) }
    }
}
