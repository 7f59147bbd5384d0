// Stage 2 · APIMachinery: one reason a request failed (meta/v1 `StatusCause`).
//
// A 422 Invalid response lists every problem with the object as a cause, one per field
// error: `{"reason": "FieldValueRequired", "message": "Required value",
// "field": "spec.containers[0].image"}`. Beware the names: the Go field is `Type`, its
// JSON name is `reason`, and its values are `FieldError.Kind`'s raw values
// (Kubernetes' `CauseType`). All three fields are `omitempty`.

import API

/// One cause of a failure, inside `StatusDetails.causes`; made by the API server from
/// field errors, shown by kubectl under "The Pod "web" is invalid:".
public struct StatusCause: Sendable, Hashable, Codable {
    /// The kind of cause, such as `FieldValueRequired` (Go's `CauseType`); JSON `reason`.
    public var reason: String
    /// A human-readable description, without the field's path.
    public var message: String
    /// The field at fault, such as `spec.containers[0].image`.
    public var field: String

    /// Makes a cause.
    public init(reason: String = "", message: String = "", field: String = "") {
        self.reason = reason
        self.message = message
        self.field = field
    }

    /// The cause Kubernetes' `NewInvalid` makes of a field error.
    public init(_ error: FieldError) {
        self.init(reason: error.kind.rawValue, message: error.body, field: error.field)
    }

    private enum CodingKeys: String, CodingKey { case reason, message, field }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reason = try c.decode(.reason, or: "")
        message = try c.decode(.message, or: "")
        field = try c.decode(.field, or: "")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(reason, forKey: .reason)
        try c.encodeUnlessEmpty(message, forKey: .message)
        try c.encodeUnlessEmpty(field, forKey: .field)
    }
}
