// Stage 2 · Storage: reading a whole data file, and deciding what damage means.
//
// A crash can interrupt only the write in flight, and the store has at most one in flight
// (the actor serialises writes, and each waits for its fsync). So after a crash, a log can
// end with at most one partial record: a *torn tail*. The scan reads frames from the front;
// at the first damaged frame it asks whether any intact frame follows. If none does, the
// damage is the torn tail of an interrupted write, which no caller was ever told succeeded:
// it is dropped. If one does, bytes in the middle of the file changed after they were
// acknowledged (bad disk, stray write): the scan refuses, naming the file and offset,
// because carrying on would silently lose acknowledged writes.
// Stage 3 > group commit appends a batch of records with one write: what a crash leaves of it
//
// With stage 3's group commit the write in flight is a batch: several records appended with
// one write(2), none of them acknowledged yet. A `kill -9` leaves a prefix of it (complete
// records, then at most one torn one), which this rule reads correctly: the complete ones
// are kept, as unacknowledged writes may be. A power cut may instead reach the disk with a
// later page of the batch before an earlier one; the scan then refuses the log, since it
// cannot tell that from damage (nothing acknowledged is lost, but the tail must be cut by hand).
// Stage 3 <
//
// Snapshots are written whole and renamed into place, so they never have a torn tail:
// for them, any damage is refused.

/// The records of one file, read front to back; made by `DurableStore` when it opens.
struct RecordScan {
    /// Every intact record, with the offset where its frame starts.
    var records: [(record: LogRecord, offset: Int)] = []
    /// The length of the file up to the end of the last intact record.
    var intactLength: Int
    /// Where a torn tail starts and why it is torn; nil when the file ends cleanly.
    var tornTail: (offset: Int, reason: String)?

    /// Reads the records of `bytes` from `start`; throws `.corrupted` naming `file` for
    /// damage that a crash cannot explain, or for any damage when `allowsTornTail` is false.
    init(_ bytes: [UInt8], from start: Int, file: String, allowsTornTail: Bool) throws(StorageError) {
        var offset = start
        intactLength = start
        while offset < bytes.count {
            switch RecordFrame.read(bytes, at: offset) {
            case .intact(let record, let next):
                records.append((record, offset))
                offset = next
                intactLength = next
            case .undecodable:
                throw .corrupted(file: file, offset: offset, reason: "record has a valid checksum but an unknown layout")
            case .damaged(let reason):
                guard allowsTornTail, !RecordFrame.hasIntactFrame(in: bytes, after: offset) else {
                    throw .corrupted(file: file, offset: offset, reason: reason)
                }
                tornTail = (offset, reason)
                return
            }
        }
    }
}
