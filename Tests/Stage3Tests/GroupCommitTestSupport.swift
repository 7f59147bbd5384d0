// Stage 3 · GroupCommit tests: a group-committing store in a scratch directory, and what its log holds.
//
// The tests check durability by reading the log file itself: a revision is on disk when an
// intact record of it is in the file, read with the store's own scanner.

import Foundation
import GroupCommit
import Synchronization
@testable import Storage

/// Runs `body` with a fresh `GroupCommitStore` over a `DurableStore` in a scratch directory,
/// then closes it and removes the directory.
func withGroupCommitStore(
    thresholds: DurableStore.CompactionThresholds = .standard,
    _ body: (GroupCommitStore, ScratchDirectory) async throws -> Void
) async throws {
    let directory = try ScratchDirectory()
    defer { directory.remove() }
    let store = GroupCommitStore(try DurableStore(directory: directory.path, thresholds: thresholds, logger: .silent))
    try await body(store, directory)
    await store.close()
}

extension ScratchDirectory {
    /// The revisions of the intact records in the directory's log file, in file order.
    func loggedRevisions() throws -> [Int64] {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path + "/log")))
        let scan = try RecordScan(bytes, from: DataDirectory.logMagic.count, file: "log", allowsTornTail: true)
        return scan.records.compactMap { record, _ in
            if case .change(let change) = record { change.revision } else { nil }
        }
    }
}

extension ScratchDirectory {
    /// A new directory holding copies of this one's data files, `log.next` included: what a
    /// `kill -9` at this moment would leave on disk.
    func copyAllSegments() throws -> ScratchDirectory {
        let copy = try ScratchDirectory()
        for name in ["log", "log.next", "snapshot"] where contains(name) {
            try FileManager.default.copyItem(atPath: path + "/" + name, toPath: copy.path + "/" + name)
        }
        return copy
    }

    /// True when the directory holds a file `name`.
    func contains(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path + "/" + name) }
}

/// Holds a snapshot's thread at one step until the test lets it go; only the first
/// snapshot is held, so later ones run freely.
final class SnapshotGate: Sendable {
    private let step: DurableStore.SnapshotStep
    private let released = DispatchSemaphore(value: 0)
    private let reached = Mutex(0)

    init(at step: DurableStore.SnapshotStep) { self.step = step }

    /// What the store's snapshot thread calls at each step.
    @Sendable func pause(_ current: DurableStore.SnapshotStep) {
        guard current == step, reached.withLock({ count in count += 1; return count == 1 }) else { return }
        released.wait()
    }

    /// True once the first snapshot reached the step and is waiting there.
    var isHolding: Bool { reached.withLock { $0 > 0 } }

    func release() { released.signal() }
}
