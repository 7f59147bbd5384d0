// Stage 1 · ProcessRuntime: how big a container's log may grow, and how many old ones are kept.
//
// A container that prints in a loop would fill the node's disk: so a log is rotated. When
// the next entry would take the log past `maxSize`, the file is renamed
// `<attempt>.log.<YYYYMMDD-HHMMSS>` (the time of the rotation, the kubelet's local time)
// and a new `<attempt>.log` started; of the rotated files, the oldest are removed so that
// at most `maxFiles` files, the current one included, remain. These are Kubernetes' kubelet
// settings `containerLogMaxSize` (10Mi) and `containerLogMaxFiles` (5), which the kubelet
// takes as `--container-log-max-size` and `--container-log-max-files` and passes on here.
//
// Kubernetes' kubelet does the same from outside the runtime: every 10 seconds it looks at
// each running container's log, renames one that has reached the size, and asks the
// runtime to reopen it (the CRI call `ReopenContainerLog`). Here the writer, which sees
// every entry, rotates between two entries itself: no entry is split, a log never grows
// past the size (unless one entry is bigger), and no second party has to ask. Kubernetes
// also gzips the rotated files but the newest; this runtime has no compressor (the package
// has no dependencies), so they stay as they are.

/// The rotation policy of every container log this runtime writes.
public struct ContainerLogRotation: Sendable, Equatable {
    /// The size in bytes at which a log is rotated; zero or less never rotates (Kubernetes:
    /// a negative size disables rotation).
    public var maxSize: Int
    /// The most files a container's log may have, the current one included; at least 2.
    public var maxFiles: Int

    public init(maxSize: Int = Self.defaultMaxSize, maxFiles: Int = Self.defaultMaxFiles) {
        self.maxSize = maxSize
        self.maxFiles = max(2, maxFiles)
    }

    /// Kubernetes' `containerLogMaxSize` default, 10Mi.
    public static let defaultMaxSize = 10 * 1024 * 1024
    /// Kubernetes' `containerLogMaxFiles` default.
    public static let defaultMaxFiles = 5
    /// The format of a rotated file's suffix, as Go writes `20060102-150405`.
    static let suffixLength = "YYYYMMDD-HHMMSS".count
}
