// Stage 2 · Storage: the last revision the store acknowledged, kept beside the log.
//
// The snapshot says where it stops and the log says where it starts, so a hole *between*
// them shows. What neither can show is a log that lost its *end*: cut at a record boundary,
// or cut inside a record with whole records after the cut gone too. Such a log looks
// exactly like the log of a store that made fewer writes; it would open at an older
// revision and hand out resourceVersions that clients have already seen.
//
// So after every write that reached the disk, the store also writes its revision here, in
// place, without an fsync (`pwrite` of 20 bytes: the cost of a write, not of a flush).
// That is enough for every loss that leaves the machine running, which is every loss a
// `kill -9`, a full disk or a person with `truncate` can cause: the kernel keeps the page
// and writes it back within seconds. Opening compares: a log and snapshot that reach less
// far than this revision have lost acknowledged writes, and the store refuses, saying how
// many. The mark is only ever written after the log's fsync, so it can lag the log (after
// a power cut, by the writes of the last seconds) but never lead it: it never refuses a
// directory that lost nothing.
//
// What it cannot catch: a power cut that loses the mark's last update *and* damage to the
// log's end (the log would then be checked against an older mark), and a mark deleted or
// replaced along with the log. A `close()` fsyncs it, so a clean shutdown leaves it exact.
//
//     magic "KSWACK01"  revision:i64  checksum:u32 (CRC-32C of the magic and the revision)

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `acknowledged` file of a data directory, open for rewriting; owned by `DurableStore`.
struct AcknowledgedRevision: Sendable {
    static let magic: [UInt8] = Array("KSWACK01".utf8)
    let file: FileDescriptor

    /// What the file says: the revision, nil when there is no file, or `.unreadable` when
    /// its bytes do not check (a torn page after a power cut; not evidence of loss).
    enum Reading: Equatable {
        case absent, unreadable, revision(Int64)
    }

    /// Reads the file at `path`.
    static func read(_ path: String) throws(StorageError) -> Reading {
        guard let bytes = try FileDescriptor.contents(of: path) else { return .absent }
        guard bytes.count == magic.count + 12, bytes.starts(with: magic) else { return .unreadable }
        var reader = ByteReader(bytes[magic.count...])
        guard let revision = reader.readInt64(), let checksum = reader.readUInt32(),
              checksum == CRC32C.checksum(bytes[..<(magic.count + 8)])
        else { return .unreadable }
        return .revision(revision)
    }

    /// Opens (creating) the file at `path` and records `revision` in it at once.
    static func open(_ path: String, at revision: Int64) throws(StorageError) -> AcknowledgedRevision {
        let mark = AcknowledgedRevision(file: try FileDescriptor.open(path, flags: O_WRONLY | O_CREAT))
        do throws(StorageError) {
            try mark.record(revision)
        } catch {
            mark.file.close()
            throw error
        }
        return mark
    }

    /// Rewrites the file with `revision`; called after the write of `revision` was fsynced.
    func record(_ revision: Int64) throws(StorageError) {
        var writer = ByteWriter()
        writer.append(contentsOf: Self.magic)
        writer.append(revision)
        writer.append(CRC32C.checksum(writer.bytes))
        try file.writeAll(writer.bytes, at: 0)
    }

    /// Makes the last `record` durable and closes the file; `DurableStore.close()` calls it.
    func close() {
        try? file.synchronize()
        file.close()
    }
}
