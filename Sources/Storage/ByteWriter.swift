// Stage 2 · Storage: little-endian encoding of the fields of a record.
//
// The log's format is fixed-width integers in little-endian order plus raw bytes, so it
// reads the same on every machine. `ByteReader` is the other half.

/// Appends integers and bytes to a buffer; `LogRecord` encodes itself with it.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ value: UInt8) {
        bytes.append(value)
    }

    /// Appends a 32-bit unsigned integer, least significant byte first.
    mutating func append(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends a 64-bit signed integer, least significant byte first.
    mutating func append(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(contentsOf data: some Sequence<UInt8>) {
        bytes.append(contentsOf: data)
    }
}
