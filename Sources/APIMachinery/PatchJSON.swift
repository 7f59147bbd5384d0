// Stage 2 · APIMachinery: what the patch functions share: their error, and a few views of JSON.
//
// `kubectl patch` and `kubectl apply` send the API server a patch, not an object. The
// server applies it to the stored object's JSON (`MergePatch`, `StrategicMergePatch`)
// and then decodes the result as usual. A patch that cannot be applied is the client's
// mistake: the server answers it with a 400/422 `Status` whose message is a `PatchError`'s.
// (`PatchError` lives here rather than in a file of its own only because this helper's
// file names were fixed; it is the one type of this file.)

import API
import Foundation

/// Why a patch could not be applied; thrown by `MergePatch` and `StrategicMergePatch`,
/// turned into a `Status` by the API server.
public struct PatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field the problem is in, as a path such as `spec.containers`; "" for the whole
    /// object.
    public var field: String
    /// What is wrong, in the words of Kubernetes' `strategicpatch` package where it has
    /// words for it.
    public var message: String

    /// Makes an error about `field`.
    public init(field: String = "", _ message: String) {
        self.field = field
        self.message = message
    }

    /// `field: message`, or the message alone for the whole object.
    public var description: String { field.isEmpty ? message : "\(field): \(message)" }
}

extension JSONValue {
    /// The value as compact JSON with sorted keys, for error messages.
    var patchText: String {
        guard let data = try? APIJSON.encode(self) else { return "?" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The object's members, or nil when the value is not an object.
    var objectMembers: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The array's elements, or nil when the value is not an array.
    var arrayElements: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The string, or nil when the value is not a string.
    var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// The JSON type of the value; two values of different kinds never merge.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
