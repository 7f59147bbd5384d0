// Stage 3 · bench: `bench load`, writes from many tasks until killed, each acknowledgement printed.
//
// For crash drills: run it, `kill -9` it at any moment, reopen the data directory, and
// every write it printed must be there, with revisions going on from the last of them.
// Stage 3's kill -9 test does exactly that (`GroupCommitKillEndToEndTests`).
//
//   bench load --data-dir DIR [--writers 32] [--compact-records N]
//
// prints `ready revision=R` once the store is open, then one line per acknowledged write,
// `acknowledged <key> <revision> .`, written with a single write(2) after the store
// answered, so a line is never printed before its write is durable and a line cut off by
// the kill is seen as incomplete (no final dot). `--compact-records` lowers the compaction
// threshold, so that kills also land while snapshots are being written.

import Common
import Foundation
import GroupCommit
import Storage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum LoadGenerator: Benchmark {
    static let name = "load"
    static let summary = "writes from many tasks until killed, printing each acknowledged write --data-dir D [--writers N]"

    static let defaultWriters = 32

    static func run(options: BenchmarkOptions) async throws {
        guard let path = options.string("data-dir"), !path.isEmpty else { throw BenchmarkError("load needs --data-dir DIR") }
        let writers = try options.int("writers", default: defaultWriters)
        var thresholds = DurableStore.CompactionThresholds.standard
        thresholds.logRecords = try options.int("compact-records", default: thresholds.logRecords)
        let store = GroupCommitStore(try DurableStore(directory: path, thresholds: thresholds, logger: .silent))
        let start = await store.currentRevision
        emit("ready revision=\(start)\n")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    for step in 0... {
                        let key = "/load/r\(start)/w\(writer)/\(step)"
                        let revision = try await store.create(key, value: Data("value of \(key)".utf8))
                        emit("acknowledged \(key) \(revision) .\n")
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// Writes `line` to stdout in one system call: lines of concurrent writers never mix.
    static func emit(_ line: String) {
        let bytes = Array(line.utf8)
        _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }
}
