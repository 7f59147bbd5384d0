// Stage 3 · EtcdStore: a 64-bit integer as etcd's JSON gateway writes it, in quotes.
//
// etcd speaks gRPC; its HTTP gateway turns each protobuf message into JSON by the
// protobuf JSON mapping, which writes every int64 as a string (`"revision":"42"`),
// because JavaScript numbers cannot hold all 64-bit values. It also leaves out every
// field at its zero value: a fresh key's `lease`, a put event's `type`, a failed txn's
// `succeeded`. This wrapper reads both spellings (the gateway accepts `42` and `"42"`
// as input), writes the quoted one, and reads a missing field as 0, so the message
// types of this module can declare their int64 fields as plain `Int64`s.

/// An `Int64` that is encoded as a JSON string and decoded from a string, a number, or nothing.
@propertyWrapper
struct ProtoInt64: Codable, Sendable, Equatable {
    var wrappedValue: Int64

    init(wrappedValue: Int64 = 0) {
        self.wrappedValue = wrappedValue
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard let value = Int64(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an int64: \(text)")
            }
            wrappedValue = value
        } else {
            wrappedValue = try container.decode(Int64.self)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(String(wrappedValue))
    }
}

extension KeyedDecodingContainer {
    /// A missing int64 field is the protobuf zero value, as the gateway leaves zeros out.
    func decode(_ type: ProtoInt64.Type, forKey key: Key) throws -> ProtoInt64 {
        try decodeIfPresent(type, forKey: key) ?? ProtoInt64()
    }
}
