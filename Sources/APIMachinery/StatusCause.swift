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
public struct StatusCause: Sendable, Hashable {
    /// The kind of cause, such as `FieldValueRequired` (Go's `CauseType`); JSON `reason`.
    public var reason: String
    /// A human-readable description, without the field's path.
    public var message: String
    /// The field at fault, such as `spec.containers[0].image`.
    public var field: String

    public init(reason: String = "", message: String = "", field: String = "") {
        self.reason = reason
        self.message = message
        self.field = field
    }

    /// The cause Kubernetes' `NewInvalid` makes of a field error.
    public init(_ error: FieldError) {
        self.init(reason: error.kind.rawValue, message: error.body, field: error.field)
    }
}

extension StatusCause: APIFields {
    public static let zero = StatusCause()
    public static let fields: [JSONField<StatusCause>] = [
        .omitEmpty("reason", \.reason),
        .omitEmpty("message", \.message),
        .omitEmpty("field", \.field),
    ]
}
