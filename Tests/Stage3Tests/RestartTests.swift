// Stage 3 · StoreWatch tests: after a restart, revisions go on and the old past is "too old".
//
// The history lives in memory, so a restart forgets it. What must survive is the revision
// counter (stage 2's log guarantees it): a revision is never handed out twice, and a
// watcher that resumes from before the restart is told its events are gone, with the
// restart's revision, instead of being resumed with a silent gap. Both the clean close and
// a `kill -9` (a copy of the files right after an acknowledged write) are tried, reopened
// in this process as stage 2's recovery tests do.

import Common
import Foundation
import Storage
import StoreWatch
import Testing
@testable import TestSupport

@Suite struct RestartTests {
    @Test(arguments: [false, true])
    func afterARestartRevisionsContinueAndAWatchFromBeforeItIsTooOld(killed: Bool) async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let before = try DurableStore(directory: directory.path, logger: .silent)
        let watchable = await WatchableStore(before)
        for step in 0..<5 { _ = try await watchable.create("/registry/pods/default/p\(step)", value: Data("v")) }
        let lastAcknowledged = try await watchable.update("/registry/pods/default/p0", value: Data("w"), expectedModRevision: nil)

        // A clean stop, or what `kill -9` right after the last acknowledgement leaves on disk.
        let reopenedDirectory = killed ? try directory.copy() : directory
        defer { if killed { reopenedDirectory.remove() } }
        if !killed { await before.close() }
        let after = try DurableStore(directory: reopenedDirectory.path, logger: .silent)
        let restarted = await WatchableStore(after)

        #expect(await restarted.currentRevision == lastAcknowledged)
        #expect(restarted.compactRevision == lastAcknowledged)
        let stale = try await collect(restarted.watch(prefix: "/registry/pods/", after: 3))
        #expect(stale.events.isEmpty)
        #expect(stale.error == .compacted(requested: 3, compactRevision: lastAcknowledged))
        await #expect(throws: HistoryError.compacted(requested: 3, compactRevision: lastAcknowledged)) {
            try await restarted.list(prefix: "/registry/pods/", atRevision: 3)
        }

        let resumed = restarted.watch(prefix: "/registry/pods/", after: lastAcknowledged)
        let next = try await restarted.create("/registry/pods/default/new", value: Data("v"))
        #expect(next == lastAcknowledged + 1)
        let delivered = try await collect(resumed) { $0.revision == next }
        #expect(delivered.events.map(\.key) == ["/registry/pods/default/new"])
        #expect(delivered.events.first?.isCreate == true)

        await after.close()
        if killed { await before.close() }
    }
}
