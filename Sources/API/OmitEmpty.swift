// Stage 1 · API: how Go's `omitempty` and zero values become Swift.
//
// Kubernetes' types are Go structs, and their JSON is whatever Go's encoding/json makes
// of them. The rule this module follows is: the Swift type mirrors the Go type.
//
//   Go field                                Swift property               JSON
//   Name string  `json:"name"`              name: String = ""            always written
//   Image string `json:"image,omitempty"`   image: String = ""           left out when ""
//   Priority *int32 `json:"priority,…"`     priority: Int32?             left out when nil
//   Resources ResourceRequirements `json:"resources,omitempty"`
//                                           resources = .init()          ALWAYS written
//
// The last line is the surprise: Go's encoding/json never omits a struct, whatever the
// tag says, so kubectl prints `"resources": {}` and `"state": {}`. We do the same.
//
// Decoding is lenient the way Go's is: a field that is absent or `null` takes its zero
// value, unknown fields are ignored, and only a value of the wrong type is an error.
//
// Each type spells its `encode(to:)` and `init(from:)` out by hand with the helpers
// below, so that a reader sees, field by field, which rule applies:
//
//   try c.encode(name, forKey: .name)                   // no omitempty
//   try c.encodeUnlessEmpty(image, forKey: .image)      // omitempty on a value
//   try c.encodeIfPresent(priority, forKey: .priority)  // a pointer (standard library)
//   name = try c.decode(.name, or: "")                  // absent or null → zero value
//   priority = try c.decodeIfPresent(.priority)         // absent or null → nil
//   restartPolicy = try c.decodeMember(.restartPolicy)  // closed set: "" → nil
//
// `Time` is the one value with its own twist: Go's zero time is written as `null`
// (kubectl's `"lastProbeTime": null`), and `Time.encode(to:)` does that itself.
//
// Hand-written coding was chosen over a property wrapper because a wrapper would hide
// the rule behind an attribute, and because synthesized coding cannot say "write the
// key unless the value is empty" on its own anyway.

/// A value that Go's encoding/json treats as empty for `omitempty` ("", 0, false, an
/// empty list or map); every API type's `encode(to:)` uses it via `encodeUnlessEmpty`.
public protocol OmitEmptyEncodable: Encodable {
    /// True when Go would leave a field holding this value out of the JSON.
    var isEmptyForOmitEmpty: Bool { get }
}

extension String: OmitEmptyEncodable {
    /// "" is empty.
    public var isEmptyForOmitEmpty: Bool { isEmpty }
}

extension Bool: OmitEmptyEncodable {
    /// `false` is empty.
    public var isEmptyForOmitEmpty: Bool { !self }
}

extension Int32: OmitEmptyEncodable {
    /// 0 is empty.
    public var isEmptyForOmitEmpty: Bool { self == 0 }
}

extension Int64: OmitEmptyEncodable {
    /// 0 is empty.
    public var isEmptyForOmitEmpty: Bool { self == 0 }
}

extension Array: OmitEmptyEncodable where Element: Encodable {
    /// An empty list is empty (Go does not tell a nil slice from an empty one here).
    public var isEmptyForOmitEmpty: Bool { isEmpty }
}

extension Dictionary: OmitEmptyEncodable where Key == String, Value: Encodable {
    /// An empty map is empty.
    public var isEmptyForOmitEmpty: Bool { isEmpty }
}

extension KeyedEncodingContainer {
    /// Writes `value` unless it is empty, as Go does for a field tagged `omitempty`;
    /// called by every API type's `encode(to:)`.
    public mutating func encodeUnlessEmpty<T: OmitEmptyEncodable>(_ value: T, forKey key: Key) throws {
        if !value.isEmptyForOmitEmpty {
            try encode(value, forKey: key)
        }
    }

    /// Writes a closed-set value whose Go field has no `omitempty` (such as a condition's
    /// `status`): nil stands for Go's "" and is written as "".
    public mutating func encodeAlways<T: ClosedStringSet>(_ value: T?, forKey key: Key) throws {
        try encode(value?.rawValue ?? "", forKey: key)
    }
}

extension KeyedDecodingContainer {
    /// Reads a value field: absent or `null` gives `zero`, Go's zero value, while a value
    /// of the wrong type is still an error. Called by every API type's `init(from:)`.
    public func decode<T: Decodable>(_ key: Key, or zero: T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? zero
    }

    /// Reads a pointer field: absent or `null` gives nil.
    public func decodeIfPresent<T: Decodable>(_ key: Key) throws -> T? {
        try decodeIfPresent(T.self, forKey: key)
    }

    /// Reads a closed-set field: absent, `null` and "" (Go's zero value) give nil, a
    /// member gives that member, any other string is Kubernetes' "unsupported value".
    public func decodeMember<T: ClosedStringSet>(_ key: Key) throws -> T? {
        guard let raw = try decodeIfPresent(String.self, forKey: key), !raw.isEmpty else { return nil }
        guard let member = T(rawValue: raw) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: codingPath + [key], debugDescription: T.unsupportedValueMessage(raw)))
        }
        return member
    }
}
