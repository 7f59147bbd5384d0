// Stage 2 · APIMachinery: the refusals that are not about a malformed request.
//
// Beside the errors of `Status+Errors.swift`, the API server refuses requests it
// understands but will not, or cannot, carry out:
//
//     Status.forbidden(.pods, name: "web", "unable to create new content in namespace x …")
//         pods "web" is forbidden: unable to create …                         403 Forbidden
//     Status.noRoute   (PUT on a collection, POST on one object)
//         the server does not allow this method on the requested resource    405 MethodNotAllowed
//     Status.notImplemented("…")  (a part of Kubernetes this series has not built yet)   501
//
// The first two are Kubernetes' words (apimachinery's `NewForbidden`; the answer its HTTP
// router gives to a path that exists without the method, built with
// `NewGenericServerResponse`, whose details are empty but present). Kubernetes has no
// reason for the third, so it has none (`reason` is ""), and the message says what is
// missing; kubectl prints `Error from server: <message>`.

import API

extension Status {
    /// 403: the request is understood and refused (Go's `NewForbidden`); `causes` say why.
    public static func forbidden(
        _ resource: GroupResource, name: String, _ message: String, causes: [StatusCause] = []
    ) -> Status {
        let subject = name.isEmpty ? "\(resource)" : "\(resource) \(name.goQuoted)"
        return Status(
            status: .failure, message: "\(subject) is forbidden: \(message)", reason: .forbidden,
            details: StatusDetails(name: name, group: resource.group, kind: resource.resource, causes: causes), code: 403)
    }

    /// 405 for a path that is served, but not with this method: a PUT or DELETE on a
    /// collection that has no such verb, a POST on one object.
    public static var noRoute: Status {
        Status(status: .failure, message: "the server does not allow this method on the requested resource",
               reason: .methodNotAllowed, details: StatusDetails(), code: 405)
    }

    /// 501: the server knows the request but has not built what it needs.
    public static func notImplemented(_ message: String) -> Status {
        Status(status: .failure, message: message, code: 501)
    }
}
