// Stage 2 · APIServer: a protobuf message read into its fields, the wire format explained once.
//
// Kubernetes' clients may send objects as protobuf instead of JSON, and kubectl does for
// a few of them (the `Protobuf*.swift` readers beside this file say which). Protobuf's
// wire format is a list of fields, each a *tag* then a value. The tag is a varint holding
// `fieldNumber << 3 | wireType`; the field number is the one the `.proto` file gives the
// field (`string name = 1`), the wire type says how the value is written:
//
//   0  varint            integers and bools, seven bits a byte, low bits first; a byte
//                        with its top bit set means another byte follows (at most ten)
//   2  length-delimited  a varint length, then that many bytes: a string, raw bytes, or
//                        a nested message written the same way
//
// Only those two wire types occur in the messages read here; the others (1 and 5, fixed
// 64 and 32 bits; 3 and 4, the long-deprecated groups) make the message unreadable.
// Nothing says whether a length-delimited value is a string or a message: the reader,
// knowing the field's type from the `.proto` file, asks for one or the other. A repeated
// field is the same tag written once per element; a map is a repeated message whose
// field 1 is the key and field 2 the value. A field not on the wire has its default ("",
// 0, false, empty); a scalar written twice keeps its last value, and a message written
// twice is the two merged, as protobuf's own parsers do.
//
// `ProtobufMessage(bytes)` checks the framing of one level and keeps each field's value
// as a slice of the input: it never reads past the bytes it is given, holds at most one
// value per byte, and gives nil for a malformed message, never a crash. Nested messages
// are parsed when asked for, so a malformed one is seen by the accessor that reads it.

/// One protobuf message's fields by number; read by the kind readers (`ProtobufNamespace`,
/// `ProtobufEviction`, `ProtobufConfigKinds`, the self-reviews) through the accessors below.
struct ProtobufMessage: Sendable {
    /// One field's value as the wire carries it.
    private enum Value: Sendable {
        case varint(UInt64)
        case bytes(ArraySlice<UInt8>)
    }

    /// Field numbers protobuf allows: 1 up to 2²⁹ − 1.
    static let fieldNumbers = 1...((1 << 29) - 1)

    /// Every value of every field, in the order they came.
    private var fields: [Int: [Value]]

    private init(fields: [Int: [Value]]) { self.fields = fields }

    /// The message in `bytes`, or nil when its framing is malformed: a varint or a length
    /// runs past the end, a field number is out of range, or a wire type is not 0 or 2.
    init?(_ bytes: ArraySlice<UInt8>) {
        var fields: [Int: [Value]] = [:]
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard let tag = Self.varint(bytes, &index) else { return nil }
            let number = Int(tag >> 3)  // A tag fits 64 bits, so the number above its 3 wire-type bits fits an Int.
            guard Self.fieldNumbers.contains(number) else { return nil }
            switch tag & 7 {
            case 0:
                guard let value = Self.varint(bytes, &index) else { return nil }
                fields[number, default: []].append(.varint(value))
            case 2:
                guard let length = Self.varint(bytes, &index), length <= UInt64(bytes.endIndex - index) else { return nil }
                let end = index + Int(length)
                fields[number, default: []].append(.bytes(bytes[index..<end]))
                index = end
            default:
                return nil
            }
        }
        self.fields = fields
    }

    init?(_ bytes: [UInt8]) { self.init(bytes[...]) }

    /// The base-128 varint at `index`, moving `index` past it; nil when the bytes run out
    /// first or the value does not fit 64 bits.
    static func varint(_ bytes: ArraySlice<UInt8>, _ index: inout Int) -> UInt64? {
        var value: UInt64 = 0
        for shift in stride(from: UInt64(0), to: 70, by: 7) {
            guard index < bytes.endIndex else { return nil }
            let byte = bytes[index]
            index += 1
            // The tenth byte holds bit 63 alone; anything more would overflow.
            guard shift < 63 || byte <= 1 else { return nil }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
        }
        return nil
    }

    // MARK: Scalars: the last value of the field wins.

    /// Field `number` as an unsigned varint; nil when absent.
    func varint(_ number: Int) -> UInt64? {
        (fields[number] ?? []).compactMap { value -> UInt64? in
            if case .varint(let integer) = value { integer } else { nil }
        }.last
    }

    /// Field `number` as an `int64` or `int32` (a negative one is written as 64 bits).
    func int64(_ number: Int) -> Int64? { varint(number).map { Int64(bitPattern: $0) } }

    /// Field `number` as a `bool`: any varint but 0 is true.
    func bool(_ number: Int) -> Bool? { varint(number).map { $0 != 0 } }

    /// Field `number` as raw bytes; nil when absent.
    func bytes(_ number: Int) -> ArraySlice<UInt8>? { allBytes(number).last }

    /// Field `number` as a string; nil when absent. Bytes that are not UTF-8 read as U+FFFD.
    func string(_ number: Int) -> String? { bytes(number).map(Self.text) }

    // MARK: Repeated fields and nested messages.

    /// Every element of the repeated string field `number`.
    func strings(_ number: Int) -> [String] { allBytes(number).map(Self.text) }

    /// Field `number` as a nested message, its occurrences merged; nil when absent or malformed.
    func message(_ number: Int) -> ProtobufMessage? {
        let occurrences = allBytes(number)
        guard !occurrences.isEmpty else { return nil }
        var merged: [Int: [Value]] = [:]
        for bytes in occurrences {
            guard let part = ProtobufMessage(bytes) else { return nil }
            merged.merge(part.fields, uniquingKeysWith: +)
        }
        return ProtobufMessage(fields: merged)
    }

    /// Every element of the repeated message field `number`; malformed elements are skipped.
    func messages(_ number: Int) -> [ProtobufMessage] { allBytes(number).compactMap(ProtobufMessage.init) }

    /// The `map<string, string>` field `number`; an entry without a key is skipped.
    func stringMap(_ number: Int) -> [String: String] { map(number) { $0.string(2) ?? "" } }

    /// The `map<string, bytes>` field `number`; an entry without a key is skipped.
    func bytesMap(_ number: Int) -> [String: [UInt8]] { map(number) { Array($0.bytes(2) ?? []) } }

    /// The map field `number`, each entry's value (field 2) read by `value`; a later entry
    /// for the same key wins.
    private func map<Entry>(_ number: Int, value: (ProtobufMessage) -> Entry) -> [String: Entry] {
        var result: [String: Entry] = [:]
        for entry in messages(number) {
            guard let key = entry.string(1) else { continue }
            result[key] = value(entry)
        }
        return result
    }

    /// The length-delimited values of field `number`; varints written there are ignored.
    private func allBytes(_ number: Int) -> [ArraySlice<UInt8>] {
        (fields[number] ?? []).compactMap { value in
            if case .bytes(let bytes) = value { bytes } else { nil }
        }
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
}
