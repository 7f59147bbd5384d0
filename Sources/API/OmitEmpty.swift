// Stage 1 · API: how Go's `omitempty` and zero values become Swift.
//
// Kubernetes' types are Go structs, and their JSON is whatever Go's encoding/json makes
// of them. The rule this module follows is: the Swift type mirrors the Go type, and each
// type's field table (`JSONField.swift`) names, field by field, the rule Go applies:
//
//   Go field                                 Swift property          table entry
//   Name string `json:"name"`                name: String            .always("name", \.name)
//   Image string `json:"image,omitempty"`    image: String           .omitEmpty("image", \.image)
//   Priority *int32 `json:"priority,…"`      priority: Int32?        .pointer("priority", \.priority)
//   Resources ResourceRequirements `json:"resources,omitempty"`
//                                            resources: …            .structure("resources", \.resources)
//   RestartPolicy RestartPolicy `json:"restartPolicy,omitempty"`
//                                            restartPolicy: …?       .member("restartPolicy", \.restartPolicy)
//   Status ConditionStatus `json:"status"`   status: …?              .alwaysMember("status", \.status)
//   ProbeHandler `json:",inline"`            handler: ProbeHandler   .inline(\.handler)
//
// `.always` writes the field whatever it holds; `.omitEmpty` leaves out "", 0, false and
// empty lists and maps; `.pointer` leaves out nil. `.structure` is the surprise: Go's
// encoding/json never omits a struct, whatever the tag says, so kubectl prints
// `"resources": {}` and `"state": {}`. We do the same. Closed sets (`ClosedSets.swift`)
// are Optionals whose nil stands for Go's "": `.member` leaves nil out, `.alwaysMember`
// writes it as "". `.inline` is Go's embedding: the inner struct's fields sit in the
// outer JSON object (`exec` beside `periodSeconds` in a probe).
//
// Decoding is lenient the way Go's is: it starts from the type's `zero` (Go's zero
// value), a field that is absent or `null` keeps its zero value, unknown fields are
// ignored, and only a value of the wrong type is an error (with the field's path). A
// closed-set field reads "" as nil and rejects other strings with Kubernetes'
// "unsupported value" message (`decodeMember` below).
//
// `Time` has its own twist: Go's zero time is written as `null` (kubectl's
// `"lastProbeTime": null`), and `Time.encode(to:)` does that itself. Such scalar types
// (Time, Quantity, IntOrString, the closed sets) keep their own hand-written coding;
// the tables are for structs.
//
// The table is the one description of a type's JSON: both directions of coding are
// derived from it, and so is the list of names a type knows (`fieldNames`), which strict
// field validation and an OpenAPI schema need. A property wrapper would have hidden the
// rule behind an attribute, and synthesized coding cannot say "write the key unless the
// value is empty"; a table keeps the rule visible, one line a field, as a Go tag does.
//
// Below: what "empty" means for `omitempty`, and the container helpers the rules use.

/// A value that Go's encoding/json treats as empty for `omitempty` ("", 0, false, an
/// empty list or map); the `.omitEmpty` rule leaves it out via `encodeUnlessEmpty`.
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
    /// Writes `value` unless it is empty, as Go does for a field tagged `omitempty`.
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
    /// of the wrong type is still an error.
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
