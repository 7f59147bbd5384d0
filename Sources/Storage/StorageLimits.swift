// Stage 2 · Storage: every limit of the store, in one place.
//
// Each number here is a choice a reader may want to change; none is buried in the code
// that uses it (xv6 keeps its limits in `param.h` for the same reason).

/// The store's limits and thresholds, read by `KeyIndex` and `DurableStore`.
public enum StorageLimits {
    /// The revision of a store that was never written. etcd starts at 1 too, so the first
    /// write gets 2 and revision 0 stays free for Kubernetes' "any version" meaning.
    public static let initialRevision: Int64 = 1

    /// The largest key plus value accepted: 1.5 MiB, etcd's default `--max-request-bytes`.
    /// Kubernetes objects above this are refused by a real cluster too.
    public static let maximumEntryBytes = 1_536 * 1024

    /// Room in a log record for the fields around key and value (kind, three revisions,
    /// the key's length), with some to spare.
    static let recordOverheadBytes = 64

    /// The largest record payload a reader accepts; anything longer is damage.
    static let maximumRecordPayloadBytes = maximumEntryBytes + recordOverheadBytes

    /// Compact once the log holds this many bytes: a snapshot replaces it, so a restart
    /// replays at most about this much.
    public static let compactionLogBytes = 4 * 1024 * 1024

    /// Compact once the log holds this many records, however small they are.
    public static let compactionLogRecords = 10_000
}
