// Stage 3 · GroupCommit tests: `kill -9` under 32 concurrent writers loses no acknowledged write.
//
// A child process (`bench load`) writes from 32 tasks through a `GroupCommitStore` and
// prints each write once the store has answered it. The test kills it with SIGKILL at a
// random moment (after a random number of acknowledgements), reopens the data directory
// in this process, and checks that every printed write is there at the revision it was
// given, and that revisions go on after the last one. A few trials run on the same
// directory, each child starting from what the one before left, with a low compaction
// threshold so that some kills land around snapshots.

import Foundation
import Storage
import Testing
@testable import TestSupport

@Suite(.tags(.endToEnd)) struct GroupCommitKillEndToEndTests {
    /// How many children are started and killed.
    static let trials = 3
    /// The most acknowledgements a child prints before it is killed.
    static let maximumAcknowledgements = 600

    @Test func afterKill9Under32WritersEveryAcknowledgedWriteIsThereAndRevisionsGoOn() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let bench = try Binaries.executable(named: "bench")
        var nextRevision: Int64 = 2
        for trial in 0..<Self.trials {
            let child = try StageProcess(
                executable: bench,
                arguments: ["load", "--data-dir", directory.path, "--writers", "32", "--compact-records", "250"],
                name: "bench load"
            )
            defer { child.cleanupWithoutWaiting() }
            let ready = try await child.waitForLine(containing: "ready revision=")
            #expect(Int64(ready.split(separator: "=").last ?? "") == nextRevision - 1, "trial \(trial) starts where the last ended")

            let target = Int.random(in: 1...Self.maximumAcknowledgements)
            try await eventually("\(target) acknowledged writes") { acknowledgements(child.lines).count >= target }
            child.kill()
            _ = try await child.waitForExit()
            await child.cleanup()
            let acknowledged = acknowledgements(child.lines)
            #expect(Set(acknowledged.map(\.revision)).count == acknowledged.count, "no revision handed out twice")

            let store = try DurableStore(directory: directory.path, logger: .silent)
            for (key, revision) in acknowledged {
                let stored = try await store.get(key)
                #expect(stored?.modRevision == revision, "trial \(trial): \(key) acknowledged at \(revision)")
            }
            let current = await store.currentRevision
            #expect(current >= acknowledged.map(\.revision).max() ?? 0)
            #expect(try await store.create("/after-kill/\(trial)", value: Data("v".utf8)) == current + 1)
            await store.close()
            nextRevision = current + 2
        }
    }

    /// The complete `acknowledged <key> <revision> .` lines of a child's output.
    private func acknowledgements(_ lines: [String]) -> [(key: String, revision: Int64)] {
        lines.compactMap { line in
            let words = line.split(separator: " ")
            guard words.count == 4, words[0] == "acknowledged", words[3] == ".", let revision = Int64(words[2]) else { return nil }
            return (String(words[1]), revision)
        }
    }
}
