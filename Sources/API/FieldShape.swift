// Stage 1 · API: what a field holds — a struct with its own table, a list, a map, or a scalar.
//
// A field table (`JSONField.swift`) says how each field is written; walking *into* a
// field needs one more thing: the shape of its value. The API server's strict field
// validation walks a request's JSON against the tables and needs to know that
// `spec.containers` is a list of `Container`s; the OpenAPI document `kubectl explain`
// reads needs the same to write `containers <[]Container>`.
//
// The rule functions already know the Swift type of the value (their generic `Value`),
// so each entry keeps it, and the shape is found from the type at run time: a type that
// adopts `FieldShaped` says what it is; Optional, Array and Dictionary pass the question
// on to what they hold. Every `APIFields` type is an object, every `ClosedStringSet` a
// string with a fixed list of values, and the scalars below say their JSON type. A type
// that adopts nothing (a free-form `JSONValue`) is `.anything`: not walked into.

/// The JSON shape of a field's value; derived from its Swift type by `FieldShape.of`.
public indirect enum FieldShape {
    /// A struct described by its own field table.
    case object(any APIFields.Type)
    /// A JSON array of the element's shape.
    case array(FieldShape)
    /// A JSON object with arbitrary string keys, each value of this shape.
    case map(FieldShape)
    /// A string, number or boolean.
    case scalar(Scalar)
    /// Any JSON at all; nothing is known about its fields.
    case anything

    /// A scalar's OpenAPI type and format, and its values when the set is closed.
    public struct Scalar: Sendable, Hashable {
        /// `string`, `integer`, `number` or `boolean`.
        public var type: String
        /// `int32`, `int64`, `date-time`, `int-or-string`…, or "".
        public var format: String = ""
        /// The only values allowed, for a closed set; empty otherwise.
        public var values: [String] = []

        public init(type: String, format: String = "", values: [String] = []) {
            self.type = type
            self.format = format
            self.values = values
        }
    }

    /// The shape of values of `type`; `.anything` when the type says nothing.
    public static func of(_ type: Any.Type) -> FieldShape {
        (type as? any FieldShaped.Type)?.fieldShape ?? .anything
    }
}

/// A type that knows its JSON shape; adopted by every API type through `APIFields` and
/// `ClosedStringSet`, and by the scalars and containers below.
public protocol FieldShaped {
    static var fieldShape: FieldShape { get }
}

extension Optional: FieldShaped {
    /// A pointer holds what it points to.
    public static var fieldShape: FieldShape { FieldShape.of(Wrapped.self) }
}

extension Array: FieldShaped {
    public static var fieldShape: FieldShape { .array(FieldShape.of(Element.self)) }
}

extension Dictionary: FieldShaped {
    public static var fieldShape: FieldShape { .map(FieldShape.of(Value.self)) }
}

extension String: FieldShaped {
    public static var fieldShape: FieldShape { .scalar(.init(type: "string")) }
}

extension Bool: FieldShaped {
    public static var fieldShape: FieldShape { .scalar(.init(type: "boolean")) }
}

extension Int32: FieldShaped {
    public static var fieldShape: FieldShape { .scalar(.init(type: "integer", format: "int32")) }
}

extension Int64: FieldShaped {
    public static var fieldShape: FieldShape { .scalar(.init(type: "integer", format: "int64")) }
}

extension Double: FieldShaped {
    public static var fieldShape: FieldShape { .scalar(.init(type: "number", format: "double")) }
}

extension Time: FieldShaped {
    public static var fieldShape: FieldShape { .scalar(.init(type: "string", format: "date-time")) }
}

extension Quantity: FieldShaped {
    /// Written as a string (`100m`) or a number (`2`); OpenAPI calls that int-or-string.
    public static var fieldShape: FieldShape { .scalar(.init(type: "string", format: "quantity")) }
}

extension IntOrString: FieldShaped {
    public static var fieldShape: FieldShape { .scalar(.init(type: "string", format: "int-or-string")) }
}

extension ClosedStringSet {
    public static var fieldShape: FieldShape {
        .scalar(.init(type: "string", values: allCases.map(\.rawValue)))
    }
}

extension APIFields {
    public static var fieldShape: FieldShape { .object(Self.self) }
}
