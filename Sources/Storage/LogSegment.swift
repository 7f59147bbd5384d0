// Stage 2 · Storage: one log file read back and checked, before anything is replayed.
//
// A log file is the format marker, a `logStart` record naming the revision its first write
// carries, then one record per write, each exactly one revision after the one before
// (`DataDirectory.logHeader`). Reading it checks all of that, so the only question left for
// recovery is whether the log *continues* what comes before it (the snapshot, or for
// stage 3's second segment the first log): it does when it starts at most one revision
// past it. A log that starts later has lost the revisions in between, and says how many.
//
// The start record is what makes a log emptied of its records by damage (cut back to its
// format marker, or to nothing) different from a log that has no records yet: every log
// is installed whole with its start record, so a log without one was damaged after.

/// The writes of one log file, checked for order; made by `DurableStore` when it opens.
struct LogSegment {
    /// The file, for messages.
    let file: String
    /// The revision of the log's first write, from its start record.
    let firstRevision: Int64
    /// The log's writes, in order, each with the offset of its frame.
    let changes: [(change: Change, offset: Int)]
    /// The records as scanned: the intact length and any torn tail.
    let scan: RecordScan

    /// The revision of the last write in the log; one before `firstRevision` when it has none.
    var lastRevision: Int64 { changes.last?.change.revision ?? firstRevision - 1 }

    /// Reads and checks `bytes`, the contents of `file`; throws `.corrupted` for damage a
    /// crash cannot explain (a torn last record is left in `scan.tornTail`).
    init(_ bytes: [UInt8], file: String) throws(StorageError) {
        guard bytes.starts(with: DataDirectory.logMagic) else {
            let reason = bytes.starts(with: Array("KSWLOG01".utf8))
                ? "a log of the format before logs had a start record (KSWLOG01), which this store no longer reads; move the data directory away to start a new store"
                : "not a store file of this format (expected \(String(decoding: DataDirectory.logMagic, as: UTF8.self)))"
            throw .corrupted(file: file, offset: 0, reason: reason)
        }
        let scan = try RecordScan(bytes, from: DataDirectory.logMagic.count, file: file, allowsTornTail: true)
        guard case .logStart(let firstRevision)? = scan.records.first?.record else {
            throw .corrupted(file: file, offset: DataDirectory.logMagic.count,
                             reason: "the log has no start record (every log is written with one, so this one was cut short)")
        }
        var changes: [(change: Change, offset: Int)] = []
        var expected = firstRevision
        for (record, offset) in scan.records.dropFirst() {
            guard case .change(let change) = record else {
                throw .corrupted(file: file, offset: offset, reason: "a snapshot or start record inside the log")
            }
            guard change.revision == expected else {
                throw .corrupted(file: file, offset: offset, reason: change.revision > expected
                    ? "revision \(change.revision) follows \(expected - 1): records are missing"
                    : "revision \(change.revision) does not increase")
            }
            changes.append((change, offset))
            expected += 1
        }
        (self.file, self.firstRevision, self.changes, self.scan) = (file, firstRevision, changes, scan)
    }

    /// Applies the writes after `index`'s revision to it. Throws `.incomplete` when the log
    /// starts more than one revision past it: the revisions between were acknowledged and
    /// are in neither. `before` names what `index` was read from, for the message.
    func replay(onto index: inout KeyIndex, after before: String, directory: String) throws(StorageError) {
        guard firstRevision <= index.revision + 1 else {
            let missing = firstRevision - 1 - index.revision
            throw .incomplete(directory: directory, reason:
                "\(before) reaches revision \(index.revision) but \(file) starts at revision \(firstRevision): "
                + "\(missing) revision\(missing == 1 ? "" : "s") (\(index.revision + 1)…\(firstRevision - 1)) are missing")
        }
        for (change, _) in changes where change.revision > index.revision {
            index.apply(change)
        }
    }
}
