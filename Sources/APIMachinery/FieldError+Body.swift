// Stage 2 · APIMachinery: a field error's message without its field (Go's `ErrorBody`).
//
// A 422 response says each problem twice: in the `message`, with the field
// (`spec.containers[0].image: Required value`), and as a cause, whose `field` holds the
// path and whose `message` holds only the rest (`Required value`). This is that rest,
// built as Kubernetes builds it: Required and Forbidden never show the value, the other
// kinds show it (quoted when it is a string), and the detail, if any, follows after a colon.

import API

extension FieldError {
    /// The message without the field path, as in `StatusCause.message`.
    public var body: String {
        var text = kind.phrase
        switch kind {
        case .required, .forbidden, .tooLong:
            break
        case .invalid, .duplicate, .notSupported, .notFound:
            // A number prints bare, as Go's %v prints it (`Invalid value: 0`).
            if let value { text += ": " + (quotesValue ? value.goQuoted : value) }
        }
        if !detail.isEmpty { text += ": \(detail)" }
        return text
    }

    /// `field: body`, as Kubernetes prints a field error inside an Invalid message.
    public var statusMessage: String { "\(field): \(body)" }
}
