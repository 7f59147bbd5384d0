// Stage 1 · API: a type's JSON as a table of fields, from which its coding is derived.
//
// Every API type lists its JSON fields once, in Go's declaration order, one line a field
// with the rule its Go tag implies (the rules are explained in `OmitEmpty.swift`):
//
//   extension ContainerPort: APIFields {
//       public static let zero = ContainerPort()
//       public static let fields: [JSONField<ContainerPort>] = [
//           .omitEmpty("name", \.name),
//           .always("containerPort", \.containerPort),
//           .member("protocol", \.protocol),
//       ]
//   }
//
// `APIFields` then gives the type its `init(from:)` and `encode(to:)`: decoding starts
// from `zero` and lets each field read its key; encoding lets each field write its key
// or leave it out. Each entry holds a key path and two small closures made by the rule,
// so a field's name is written once and its rule sits beside it.
//
// Each entry also carries a description, the field's documentation (written once, in
// the table, rather than again as a doc comment on the property: the OpenAPI document
// that `kubectl explain` prints is made from it), and the Swift type of its value, from
// which `FieldShape` tells a struct from a list, a map or a scalar: the API server's
// strict field validation and its OpenAPI schemas walk the tables through it.
//
// `zero` is its own requirement, not `init()`, because a builder's defaults are not
// always Go's zero: `Pod()` is a `v1` `Pod`, ready to send, but a decoded `{}` has an
// empty apiVersion and kind, as in Go. Most types' `zero` is simply `Type()`.

/// A type whose JSON is described by a table of fields; its `init(from:)` and
/// `encode(to:)` are derived from `fields`. Adopted by every API object type.
public protocol APIFields: Codable, FieldShaped {
    /// Go's zero value of the type (every field "", 0, false, empty or nil): decoding
    /// starts from it, so a field that is absent or `null` keeps its zero value.
    static var zero: Self { get }
    /// The JSON fields, in Go's order (the encoder sorts the keys, so order is for reading).
    static var fields: [JSONField<Self>] { get }
    /// What the type is, in a sentence or two, for its OpenAPI schema (`kubectl explain`);
    /// "" by default.
    static var typeDescription: String { get }
}

extension APIFields {
    public static var typeDescription: String { "" }

    public init(from decoder: any Decoder) throws {
        self = Self.zero
        let container = try decoder.container(keyedBy: JSONKey.self)
        // Stage 4 > the scheduler's throughput: most of a pod's fields are absent from its JSON, and looking each one up is most of decoding it
        let present = Set(container.allKeys.lazy.map(\.stringValue))
        // Stage 4 <
        for field in Self.fields {
            // Stage 4 > the scheduler's throughput: most of a pod's fields are absent from its JSON, and looking each one up is most of decoding it
            // An absent field whose rule keeps the value it has is left as it is, as its decode would leave it.
            if field.rule.keepsValueWhenAbsent, !present.contains(field.names[0]) { continue }
            // Stage 4 <
            try field.decode(&self, container)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: JSONKey.self)
        for field in Self.fields {
            try field.encode(self, &container)
        }
    }

    /// Every JSON name the type reads and writes, inlined structs' included, in table
    /// order: the known fields that strict field validation and an OpenAPI schema use.
    public static var fieldNames: [String] { fields.flatMap(\.names) }
}

/// One JSON field of `Root`: its name, its Go rule, and how to read and write it.
/// Made by the rule functions below, listed in `APIFields.fields`.
public struct JSONField<Root>: Sendable {
    /// What Go's encoding/json does with the field, after its type and tag.
    public enum Rule: Sendable {
        /// `json:"name"`: always written.
        case always
        /// `json:"name,omitempty"` on a value: left out when empty.
        case omitEmpty
        /// A pointer (`*T`): left out when nil.
        case pointer
        /// A struct: always written, whatever the tag says.
        case structure
        /// A closed set with omitempty: nil stands for "", left out.
        case member
        /// A closed set without omitempty: nil is written as "".
        case alwaysMember
        /// `json:",inline"`: the struct's own fields sit in this object.
        case inline
    }

    /// The JSON names this entry reads and writes: one, or an inlined struct's.
    public let names: [String]
    public let rule: Rule
    /// What the field means, in a sentence or two: the field's documentation, which the
    /// OpenAPI document carries to `kubectl explain`. Empty where nobody wrote one yet.
    public let description: String
    /// The shape of the value (for `.inline`, the embedded struct), found from the Swift
    /// type the rule function was given; strict field validation and OpenAPI walk into it.
    public var shape: FieldShape { shapeOfValue() }
    let shapeOfValue: @Sendable () -> FieldShape
    let encode: @Sendable (Root, inout KeyedEncodingContainer<JSONKey>) throws -> Void
    let decode: @Sendable (inout Root, KeyedDecodingContainer<JSONKey>) throws -> Void
}

extension JSONField {
    /// A field without omitempty (`Name string `json:"name"``): always written.
    public static func always<Value: Codable & Sendable>(
        _ name: String, _ path: WritableKeyPath<Root, Value> & Sendable, _ description: String = ""
    ) -> Self {
        written(name, path, rule: .always, description)
    }

    /// A struct-typed field (`Resources ResourceRequirements`, `metav1.Time`): always
    /// written, `{}` or `null` when empty, because Go never omits a struct.
    public static func structure<Value: Codable & Sendable>(
        _ name: String, _ path: WritableKeyPath<Root, Value> & Sendable, _ description: String = ""
    ) -> Self {
        written(name, path, rule: .structure, description)
    }

    /// A value field tagged omitempty: left out when "", 0, false or empty.
    public static func omitEmpty<Value: OmitEmptyEncodable & Decodable & Sendable>(
        _ name: String, _ path: WritableKeyPath<Root, Value> & Sendable, _ description: String = ""
    ) -> Self {
        let key = JSONKey(name)
        return Self(
            names: [name], rule: .omitEmpty, description: description, shapeOfValue: { FieldShape.of(Value.self) },
            encode: { root, c in try c.encodeUnlessEmpty(root[keyPath: path], forKey: key) },
            decode: { root, c in root[keyPath: path] = try c.decode(key, or: root[keyPath: path]) })
    }

    /// A pointer field (`Priority *int32`), an Optional here: left out when nil.
    public static func pointer<Value: Codable & Sendable>(
        _ name: String, _ path: WritableKeyPath<Root, Value?> & Sendable, _ description: String = ""
    ) -> Self {
        let key = JSONKey(name)
        return Self(
            names: [name], rule: .pointer, description: description, shapeOfValue: { FieldShape.of(Value.self) },
            encode: { root, c in try c.encodeIfPresent(root[keyPath: path], forKey: key) },
            decode: { root, c in root[keyPath: path] = try c.decodeIfPresent(key) })
    }

    /// A closed-set field tagged omitempty: nil (Go's "") is left out; "" decodes as nil,
    /// and a string outside the set is Kubernetes' "unsupported value".
    public static func member<Value: ClosedStringSet>(
        _ name: String, _ path: WritableKeyPath<Root, Value?> & Sendable, _ description: String = ""
    ) -> Self {
        let key = JSONKey(name)
        return Self(
            names: [name], rule: .member, description: description, shapeOfValue: { FieldShape.of(Value.self) },
            encode: { root, c in try c.encodeIfPresent(root[keyPath: path], forKey: key) },
            decode: { root, c in root[keyPath: path] = try c.decodeMember(key) })
    }

    /// A closed-set field without omitempty (a condition's `status`): nil is written as "".
    public static func alwaysMember<Value: ClosedStringSet>(
        _ name: String, _ path: WritableKeyPath<Root, Value?> & Sendable, _ description: String = ""
    ) -> Self {
        let key = JSONKey(name)
        return Self(
            names: [name], rule: .alwaysMember, description: description, shapeOfValue: { FieldShape.of(Value.self) },
            encode: { root, c in try c.encodeAlways(root[keyPath: path], forKey: key) },
            decode: { root, c in root[keyPath: path] = try c.decodeMember(key) })
    }

    /// An embedded struct (`ProbeHandler `json:",inline"``): its fields are read from and
    /// written to this same object.
    public static func inline<Value: APIFields & Sendable>(_ path: WritableKeyPath<Root, Value> & Sendable) -> Self {
        Self(
            names: Value.fieldNames, rule: .inline, description: "", shapeOfValue: { .object(Value.self) },
            encode: { root, c in
                let value = root[keyPath: path]
                for field in Value.fields { try field.encode(value, &c) }
            },
            decode: { root, c in
                for field in Value.fields { try field.decode(&root[keyPath: path], c) }
            })
    }

    /// `always` and `structure`: written as they are; absent or `null` keeps the zero value.
    private static func written<Value: Codable & Sendable>(
        _ name: String, _ path: WritableKeyPath<Root, Value> & Sendable, rule: Rule, _ description: String
    ) -> Self {
        let key = JSONKey(name)
        return Self(
            names: [name], rule: rule, description: description, shapeOfValue: { FieldShape.of(Value.self) },
            encode: { root, c in try c.encode(root[keyPath: path], forKey: key) },
            decode: { root, c in root[keyPath: path] = try c.decode(key, or: root[keyPath: path]) })
    }
}

// Stage 4 > the scheduler's throughput: most of a pod's fields are absent from its JSON, and looking each one up is most of decoding it
extension JSONField.Rule {
    /// Whether decoding an absent field leaves the value as it was (`decode(_:or:)` with the
    /// value itself): true of `always`, `structure` and `omitEmpty`. A pointer or a closed set
    /// becomes nil, and an inlined struct is its own fields, so those are always decoded.
    var keepsValueWhenAbsent: Bool {
        switch self {
        case .always, .structure, .omitEmpty: true
        case .pointer, .member, .alwaysMember, .inline: false
        }
    }
}
// Stage 4 <

/// A coding key for any JSON member name; the key of every `APIFields` container, and of
/// the containers that read arbitrary JSON objects.
public struct JSONKey: CodingKey, Sendable {
    public let stringValue: String
    public var intValue: Int? { nil }

    public init(_ name: String) { stringValue = name }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}
