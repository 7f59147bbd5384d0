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

// Stage 4 > the scheduler's throughput: every create's body is checked against the field tables object by object (unknown fields, unsupported values); each type's descriptors are made once
import Foundation
// Stage 4 <

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

/// One JSON name a type reads, with its value's shape and description; an inlined
/// struct's fields are listed as the type's own, since they sit in the same object.
public struct FieldDescriptor {
    public let name: String
    public let shape: FieldShape
    public let description: String
}

extension APIFields {
    /// The type's fields as descriptors, in table order, inlined structs' included.
    public static var fieldDescriptors: [FieldDescriptor] {
        fields.flatMap { field -> [FieldDescriptor] in
            if case .inline = field.rule, case .object(let inner) = field.shape {
                return descriptors(of: inner)
            }
            return field.names.map { FieldDescriptor(name: $0, shape: field.shape, description: field.description) }
        }
    }
}

/// The field descriptors of `type`, a table known only at run time.
public func descriptors(of type: any APIFields.Type) -> [FieldDescriptor] {
    // Stage 4 > the scheduler's throughput: every create's body is checked against the field tables object by object (unknown fields, unsupported values); each type's descriptors are made once
    FieldDescriptorMemo.shared.descriptors(of: type) {
    // Stage 4 <
    type.fieldDescriptors
    // Stage 4 > the scheduler's throughput: every create's body is checked against the field tables object by object (unknown fields, unsupported values); each type's descriptors are made once
    }
    // Stage 4 <
}

// Stage 4 > the scheduler's throughput: every create's body is checked against the field tables object by object (unknown fields, unsupported values); each type's descriptors are made once
/// Each type's descriptors, made the first time they are asked for: a type's table never
/// changes, so the descriptors made once are the ones made every time.
///
/// `@unchecked Sendable`, proved safe here: its one mutable field, `made`, is read and
/// written only inside `lock.withLock`, and each value stored is an array of immutable
/// descriptors (`let` names, descriptions, and shapes made of metatypes), never changed
/// after it is stored. A `Mutex` would say so to the compiler, but a shape holds
/// `any APIFields.Type`, a metatype the compiler does not count as Sendable.
final class FieldDescriptorMemo: @unchecked Sendable {
    static let shared = FieldDescriptorMemo()

    private let lock = NSLock()
    private var made: [ObjectIdentifier: [FieldDescriptor]] = [:]

    func descriptors(of type: any APIFields.Type, making make: () -> [FieldDescriptor]) -> [FieldDescriptor] {
        let id = ObjectIdentifier(type)
        if let known = lock.withLock({ made[id] }) { return known }
        let descriptors = make()
        lock.withLock { made[id] = descriptors }
        return descriptors
    }
}
// Stage 4 <

