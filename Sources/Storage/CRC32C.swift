// Stage 2 · Storage: the checksum that tells an intact log record from a damaged one.
//
// Every record on disk carries a CRC-32C (Castagnoli) of its bytes. The reader recomputes
// it; a mismatch means the bytes are not the ones written: a torn write at the end of the
// log, or damage elsewhere. etcd's write-ahead log uses the same polynomial. This is the
// plain table-driven algorithm: one table lookup per byte, the table made once.

/// CRC-32C over bytes; `RecordFrame` seals and checks every record with it.
enum CRC32C {
    /// The Castagnoli polynomial, bit-reversed, as the reflected algorithm uses it.
    static let polynomial: UInt32 = 0x82F6_3B78

    /// The CRC of every possible byte value, computed once on first use.
    static let table: [UInt32] = (0..<256).map { byte in
        var crc = UInt32(byte)
        for _ in 0..<8 {
            crc = (crc & 1) == 1 ? (crc >> 1) ^ polynomial : crc >> 1
        }
        return crc
    }

    /// The checksum of `bytes`; pass an earlier result as `initial` to continue it.
    static func checksum(_ bytes: some Sequence<UInt8>, continuing initial: UInt32 = 0) -> UInt32 {
        var crc = ~initial
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return ~crc
    }
}
