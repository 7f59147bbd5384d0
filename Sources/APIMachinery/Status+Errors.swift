// Stage 2 · APIMachinery: every error the API server returns, in Kubernetes' exact words.
//
// Each factory mirrors one function of apimachinery's `pkg/api/errors` (or, for media
// types, the API server's content negotiation) and produces the same `Status`: the same
// code, reason, details and message, word for word, because clients match on them and
// learners compare them with a real cluster:
//
//     Status.notFound(.pods, name: "web")      pods "web" not found                     404
//     Status.alreadyExists(.pods, name: "web") pods "web" already exists                409
//     Status.conflict(.pods, name: "web")      Operation cannot be fulfilled on pods
//                                              "web": the object has been modified; …   409
//     Status.invalid(GroupKind(kind: "Pod"), name: "web", errors: …)
//                                              Pod "web" is invalid: [a, b]             422
//
// An Invalid message lists the field errors in brackets, or bare when there is just one
// (Go's error aggregate does that), with repeated messages dropped; the causes keep
// every error. `Status` is an `Error`, so handlers `throw Status.notFound(...)`.

import API

extension Status: Error, CustomStringConvertible {
    /// The message, as Go's `StatusError.Error()` returns it.
    public var description: String { message }
}

extension Status {
    /// The HTTP codes the factories use, by name.
    private enum Code {
        static let badRequest: Int32 = 400
        static let notFound: Int32 = 404
        static let methodNotAllowed: Int32 = 405
        static let notAcceptable: Int32 = 406
        static let conflict: Int32 = 409
        static let gone: Int32 = 410
        static let requestEntityTooLarge: Int32 = 413
        static let unsupportedMediaType: Int32 = 415
        static let unprocessableEntity: Int32 = 422
        static let internalServerError: Int32 = 500
    }

    /// What the store says when an update or delete carries a stale resourceVersion
    /// (Kubernetes' `OptimisticLockErrorMsg`); the usual reason of a Conflict.
    public static let optimisticLockMessage =
        "the object has been modified; please apply your changes to the latest version and try again"

    /// A failure with the fields every error shares.
    private static func failure(
        _ code: Int32, _ reason: StatusReason, _ message: String, details: StatusDetails? = nil
    ) -> Status {
        Status(status: .failure, message: message, reason: reason, details: details, code: code)
    }

    /// 404: no object of that name (Go's `NewNotFound`); returned by get, update, delete.
    public static func notFound(_ resource: GroupResource, name: String) -> Status {
        failure(
            Code.notFound, .notFound, "\(resource) \(name.goQuoted) not found",
            details: StatusDetails(name: name, group: resource.group, kind: resource.resource))
    }

    /// 409: create of a name that is taken (Go's `NewAlreadyExists`).
    public static func alreadyExists(_ resource: GroupResource, name: String) -> Status {
        failure(
            Code.conflict, .alreadyExists, "\(resource) \(name.goQuoted) already exists",
            details: StatusDetails(name: name, group: resource.group, kind: resource.resource))
    }

    /// 409: the write conflicts with the stored object (Go's `NewConflict`); `reason` is
    /// the underlying error's text, by default the stale-resourceVersion message.
    public static func conflict(
        _ resource: GroupResource, name: String, reason: String = optimisticLockMessage
    ) -> Status {
        failure(
            Code.conflict, .conflict, "Operation cannot be fulfilled on \(resource) \(name.goQuoted): \(reason)",
            details: StatusDetails(name: name, group: resource.group, kind: resource.resource))
    }

    /// 422: the object failed validation (Go's `NewInvalid`); one cause per field error.
    public static func invalid(_ kind: GroupKind, name: String, errors: [FieldError]) -> Status {
        var messages: [String] = []
        for error in errors where !messages.contains(error.statusMessage) {
            messages.append(error.statusMessage)
        }
        let message = switch messages.count {
        case 0: "\(kind) \(name.goQuoted) is invalid"
        case 1: "\(kind) \(name.goQuoted) is invalid: \(messages[0])"
        default: "\(kind) \(name.goQuoted) is invalid: [\(messages.joined(separator: ", "))]"
        }
        return failure(
            Code.unprocessableEntity, .invalid, message,
            details: StatusDetails(name: name, group: kind.group, kind: kind.kind, causes: errors.map(StatusCause.init)))
    }

    /// 400: the request makes no sense, such as a body that is not JSON (Go's `NewBadRequest`).
    public static func badRequest(_ message: String) -> Status {
        failure(Code.badRequest, .badRequest, message)
    }

    /// 405: the resource does not support `action`, such as `create` on nodes/status
    /// (Go's `NewMethodNotSupported`).
    public static func methodNotSupported(_ resource: GroupResource, action: String) -> Status {
        failure(
            Code.methodNotAllowed, .methodNotAllowed,
            "\(action) is not supported on resources of kind \(resource.description.goQuoted)",
            details: StatusDetails(group: resource.group, kind: resource.resource))
    }

    /// 413: the body is larger than the server accepts (Go's `NewRequestEntityTooLargeError`).
    public static func requestEntityTooLarge(_ message: String) -> Status {
        failure(Code.requestEntityTooLarge, .requestEntityTooLarge, "Request entity too large: \(message)")
    }

    /// 415: the body's `Content-Type` is not one of `accepted` (the API server's
    /// `NewUnsupportedMediaTypeError`).
    public static func unsupportedMediaType(accepted: [String]) -> Status {
        failure(
            Code.unsupportedMediaType, .unsupportedMediaType,
            "the body of the request was in an unknown format - accepted media types include: "
                + accepted.joined(separator: ", "))
    }

    /// 406: nothing in the `Accept` header can be produced (the API server's
    /// `NewNotAcceptableError`).
    public static func notAcceptable(accepted: [String]) -> Status {
        failure(
            Code.notAcceptable, .notAcceptable,
            "only the following media types are accepted: " + accepted.joined(separator: ", "))
    }

    /// 500: something failed inside the server (Go's `NewInternalError`); the error's text
    /// is also the one cause.
    public static func internalError(_ message: String) -> Status {
        failure(
            Code.internalServerError, .internalError, "Internal error occurred: \(message)",
            details: StatusDetails(causes: [StatusCause(message: message)]))
    }

    /// 410: the requested version is no longer available, such as a watch from a compacted
    /// resourceVersion (Go's `NewResourceExpired`); used from stage 3.
    public static func resourceExpired(_ message: String) -> Status {
        failure(Code.gone, .expired, message)
    }

    /// The Success status a DELETE returns for resources that do not return the deleted
    /// object; kubectl prints `<resource> "<name>" deleted` after it.
    public static func success(_ resource: GroupResource, name: String, uid: String = "") -> Status {
        Status(
            status: .success,
            details: StatusDetails(name: name, group: resource.group, kind: resource.resource, uid: uid))
    }
}
