// Stage 2 · Storage: how a record sits in a file, and how a reader tells intact from torn.
//
// Each record is framed as
//
//     length:u32  checksum:u32  payload (length bytes)
//
// where `checksum` is the CRC-32C of the four length bytes followed by the payload, so a
// damaged length is caught as surely as a damaged payload. A frame is intact when its
// header is complete, its length is plausible (1 … `maximumRecordPayloadBytes`), the file
// holds the whole payload, and the checksum matches.

/// Seals records into frames and reads them back; the log and the snapshot both use it.
enum RecordFrame {
    /// Bytes in front of every payload: length and checksum.
    static let headerBytes = 8

    /// What is found at an offset of a file.
    enum Reading {
        /// An intact record; the next frame starts at `next`.
        case intact(LogRecord, next: Int)
        /// The bytes there are not an intact frame, for the reason given.
        case damaged(reason: String)
        /// The frame is intact but its payload is no record this code knows: not a crash's
        /// doing, so never dropped as a torn tail.
        case undecodable
    }

    /// The bytes to write for `record`: header, then payload.
    static func seal(_ record: LogRecord) -> [UInt8] {
        let payload = record.encoded()
        var writer = ByteWriter()
        writer.append(UInt32(payload.count))
        let checksum = CRC32C.checksum(payload, continuing: CRC32C.checksum(writer.bytes))
        writer.append(checksum)
        writer.append(contentsOf: payload)
        return writer.bytes
    }

    /// Reads the frame that starts at `offset` of `bytes`.
    static func read(_ bytes: [UInt8], at offset: Int) -> Reading {
        var header = ByteReader(bytes[offset...])
        guard let length = header.readUInt32(), let expected = header.readUInt32() else {
            return .damaged(reason: "incomplete record header")
        }
        guard length > 0, length <= StorageLimits.maximumRecordPayloadBytes else {
            return .damaged(reason: "implausible record length \(length)")
        }
        let start = offset + headerBytes
        let end = start + Int(length)
        guard end <= bytes.count else {
            return .damaged(reason: "record of \(length) bytes runs past the end of the file")
        }
        let payload = bytes[start..<end]
        let actual = CRC32C.checksum(payload, continuing: CRC32C.checksum(bytes[offset..<offset + 4]))
        guard actual == expected else { return .damaged(reason: "checksum mismatch") }
        guard let record = LogRecord(decoding: payload) else { return .undecodable }
        return .intact(record, next: end)
    }

    /// True when an intact frame starts anywhere after `offset`: evidence that the damage
    /// at `offset` is not a torn final write, because something was written after it.
    ///
    /// Tries every offset, so it costs time only on the rare path of a damaged file. A value
    /// that itself contains a valid-looking frame could fool it into refusing a torn tail;
    /// JSON cannot, since a frame's header holds bytes that JSON text never contains.
    static func hasIntactFrame(in bytes: [UInt8], after offset: Int) -> Bool {
        var candidate = offset + 1
        while candidate + headerBytes <= bytes.count {
            switch read(bytes, at: candidate) {
            case .intact, .undecodable: return true
            case .damaged: candidate += 1
            }
        }
        return false
    }
}
