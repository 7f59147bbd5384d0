// Stage 1 · API: what is wrong with one field of an object, in Kubernetes' words.
//
// Kubernetes reports every problem with an object as a *field error*: the path of the
// field, a type (Required, Invalid, Duplicate, NotSupported, NotFound…) and details.
// They print as `spec.containers[0].image: Required value`, and the API server of
// stage 2 returns them as the `causes` of a 422 Invalid `Status`. The kubelet of stage 1
// logs them when a static pod's manifest is invalid.

/// One problem with one field, as Kubernetes' `field.Error`.
public struct FieldError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of problem, which decides the wording (Kubernetes' `field.ErrorType`).
    public enum Kind: String, Sendable, Equatable {
        /// The field must be set and is not.
        case required = "FieldValueRequired"
        /// The value is not acceptable; the detail says why.
        case invalid = "FieldValueInvalid"
        /// The value repeats one that must be unique.
        case duplicate = "FieldValueDuplicate"
        /// The value is not one of a fixed set.
        case notSupported = "FieldValueNotSupported"
        /// The value refers to something that does not exist.
        case notFound = "FieldValueNotFound"
        /// The field may not be changed or used here.
        case forbidden = "FieldValueForbidden"

        /// How Kubernetes prints the kind.
        var phrase: String {
            switch self {
            case .required: "Required value"
            case .invalid: "Invalid value"
            case .duplicate: "Duplicate value"
            case .notSupported: "Unsupported value"
            case .notFound: "Not found"
            case .forbidden: "Forbidden"
            }
        }
    }

    /// The kind of problem.
    public var kind: Kind
    /// The field's path, such as `spec.containers[0].name`.
    public var field: String
    /// The offending value, as it would be printed, or nil when there is none to show.
    public var value: String?
    /// A sentence saying what would be acceptable.
    public var detail: String

    /// Makes a field error.
    public init(_ kind: Kind, _ field: String, value: String? = nil, _ detail: String = "") {
        self.kind = kind
        self.field = field
        self.value = value
        self.detail = detail
    }

    /// `spec.containers[0].name: Invalid value: "Web": a lowercase RFC 1123 label must …`
    public var description: String {
        var text = "\(field): \(kind.phrase)"
        if let value { text += ": \"\(value)\"" }
        if !detail.isEmpty { text += ": \(detail)" }
        return text
    }
}
