// Stage 2 · Storage: what one record in the log or the snapshot says, and its bytes.
//
// Payload layouts (integers little-endian; `key` is UTF-8; `value` runs to the end):
//
//     put          kind=1  modRevision:i64  createRevision:i64  version:i64  keyLength:u32  key  value
//     delete       kind=2  revision:i64  keyLength:u32  key
//     snapshotEnd  kind=3  revision:i64  entryCount:i64
//     logStart     kind=4  firstRevision:i64
//
// A put carries its createRevision and version although a replay could work them out:
// that way a snapshot is nothing but the puts of the live keys, followed by `snapshotEnd`,
// which says at which revision the snapshot was taken and how many puts came before it
// (so a snapshot cut short can never pass for a complete one). A log opens with `logStart`,
// naming the revision its first write carries: together with the snapshot's revision it
// says whether the log continues the snapshot, or whether revisions between them are gone.

import struct Foundation.Data

/// One record of a data file; `RecordFrame` wraps its payload with a length and a checksum.
enum LogRecord: Sendable, Equatable {
    /// A write to the keyspace (in the log), or a live key (in a snapshot).
    case change(Change)
    /// The last record of a snapshot: the revision it captures and how many puts precede it.
    case snapshotEnd(revision: Int64, entryCount: Int64)
    /// The first record of a log: the revision its first write carries (one past the
    /// snapshot's revision when the log was started).
    case logStart(firstRevision: Int64)

    private enum Kind: UInt8 {
        case put = 1, delete = 2, snapshotEnd = 3, logStart = 4
    }

    /// The payload bytes, laid out as the file's design comment shows.
    func encoded() -> [UInt8] {
        var writer = ByteWriter()
        switch self {
        case .change(.put(let value)):
            writer.append(Kind.put.rawValue)
            writer.append(value.modRevision)
            writer.append(value.createRevision)
            writer.append(value.version)
            writer.append(UInt32(value.key.utf8.count))
            writer.append(contentsOf: value.key.utf8)
            writer.append(contentsOf: value.value)
        case .change(.delete(let key, let revision)):
            writer.append(Kind.delete.rawValue)
            writer.append(revision)
            writer.append(UInt32(key.utf8.count))
            writer.append(contentsOf: key.utf8)
        case .snapshotEnd(let revision, let entryCount):
            writer.append(Kind.snapshotEnd.rawValue)
            writer.append(revision)
            writer.append(entryCount)
        case .logStart(let firstRevision):
            writer.append(Kind.logStart.rawValue)
            writer.append(firstRevision)
        }
        return writer.bytes
    }

    /// Decodes a payload whose checksum matched; nil when it is not a well-formed record,
    /// which with a good checksum means a bug or a newer format, never a torn write.
    init?(decoding payload: ArraySlice<UInt8>) {
        var reader = ByteReader(payload)
        guard let kindByte = reader.readByte(), let kind = Kind(rawValue: kindByte) else { return nil }
        switch kind {
        case .put:
            guard let modRevision = reader.readInt64(),
                  let createRevision = reader.readInt64(),
                  let version = reader.readInt64(),
                  let key = Self.readKey(&reader),
                  createRevision >= 1, createRevision <= modRevision, version >= 1
            else { return nil }
            let value = Data(reader.readRest())
            self = .change(.put(StoredValue(
                key: key, value: value, createRevision: createRevision, modRevision: modRevision, version: version
            )))
        case .delete:
            guard let revision = reader.readInt64(), let key = Self.readKey(&reader), reader.isAtEnd else { return nil }
            self = .change(.delete(key: key, revision: revision))
        case .snapshotEnd:
            guard let revision = reader.readInt64(), let entryCount = reader.readInt64(), reader.isAtEnd else { return nil }
            self = .snapshotEnd(revision: revision, entryCount: entryCount)
        case .logStart:
            guard let firstRevision = reader.readInt64(), reader.isAtEnd, firstRevision > StorageLimits.initialRevision else { return nil }
            self = .logStart(firstRevision: firstRevision)
        }
    }

    /// Reads a length-prefixed, non-empty, valid UTF-8 key.
    private static func readKey(_ reader: inout ByteReader) -> String? {
        guard let length = reader.readUInt32(), length > 0,
              let bytes = reader.read(count: Int(length)) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }
}
