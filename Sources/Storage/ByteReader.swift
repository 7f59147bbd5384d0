// Stage 2 · Storage: little-endian decoding of the fields of a record.
//
// Every read returns nil instead of reading past the end, so damaged input can never
// crash the reader: a short record is just a record that does not decode.

/// Reads integers and bytes from a slice, front to back; `LogRecord` decodes with it.
struct ByteReader {
    private(set) var remaining: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        remaining = bytes
    }

    var isAtEnd: Bool { remaining.isEmpty }

    mutating func readByte() -> UInt8? {
        remaining.popFirst()
    }

    /// Reads a little-endian 32-bit unsigned integer.
    mutating func readUInt32() -> UInt32? {
        guard let bytes = read(count: 4) else { return nil }
        return bytes.reversed().reduce(0) { ($0 << 8) | UInt32($1) }
    }

    /// Reads a little-endian 64-bit signed integer.
    mutating func readInt64() -> Int64? {
        guard let bytes = read(count: 8) else { return nil }
        return Int64(bitPattern: bytes.reversed().reduce(UInt64(0)) { ($0 << 8) | UInt64($1) })
    }

    mutating func read(count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, remaining.count >= count else { return nil }
        let bytes = remaining.prefix(count)
        remaining = remaining.dropFirst(count)
        return bytes
    }

    mutating func readRest() -> ArraySlice<UInt8> {
        defer { remaining = remaining.suffix(0) }
        return remaining
    }
}
