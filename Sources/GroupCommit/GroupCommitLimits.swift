// Stage 3 · GroupCommit: how big one batch may grow.
//
// A batch is one write(2) and one fsync, and its bytes are held in memory until then, so it
// is bounded. The bounds rarely bind: 32 writers fill a batch with at most 32 writes. They
// matter when many writers queue behind a slow disk: the batch in flight is then at most
// this big, and the rest waits for the next.

/// The bounds of one batch of `GroupCommitStore`.
public struct GroupCommitLimits: Sendable {
    /// The most writes one batch carries.
    public var maximumBatchWrites: Int
    /// The most key and value bytes one batch carries (a single larger write still goes alone).
    public var maximumBatchBytes: Int

    public init(maximumBatchWrites: Int, maximumBatchBytes: Int) {
        self.maximumBatchWrites = maximumBatchWrites
        self.maximumBatchBytes = maximumBatchBytes
    }

    /// 1,000 writes or 4 MiB, whichever comes first: about a few milliseconds of disk
    /// bandwidth, so one batch's fsync stays short.
    public static let standard = GroupCommitLimits(maximumBatchWrites: 1_000, maximumBatchBytes: 4 * 1024 * 1024)
}
