// Stage 2 · APIServer: `?fieldValidation=`: what to do with fields the object's type does not have.
//
// Decoding drops a field it does not know (`imagee` for `image`), so without a check a
// typo would vanish silently. Kubernetes finds every unknown field of a create, update
// or patch (`UnknownFields`, walking the JSON beside the field tables) and then does
// what the request's `fieldValidation` says:
//
//   Strict  400 BadRequest, every unknown field named, nothing stored:
//           Pod in version "v1" cannot be handled as a Pod: strict decoding error:
//           unknown field "spec.containers[0].imagee", unknown field "spec.foo"
//   (a member written twice in one object is reported too: `duplicate field "spec.containers[0].image"`)
//   Warn    the request succeeds, and each field comes back as a `Warning` header,
//           `299 - "unknown field \"spec.foo\""`, which kubectl prints as
//           `Warning: unknown field "spec.foo"`
//   Ignore  the request succeeds silently
//
// With no parameter the server's default is Warn. kubectl's `--validate` sends it:
// strict (kubectl's default, and `true`), warn, ignore (`false`). Any other value is
// refused before anything runs, as the request's options are validated: 422 Invalid
// naming the options' kind, as for `dryRun` (`DryRun.swift`).
//
// Since this series models most but not all of core/v1, a field that Kubernetes knows
// and the model does not is accepted even under Strict, with a warning of its own
// (`UnmodelledFields`): never refused as a typo, never lost in silence.

import API
import APIMachinery
import HTTP

/// A request's field-validation directive.
enum FieldValidation: String, CaseIterable {
    case ignore = "Ignore"
    case warn = "Warn"
    case strict = "Strict"

    /// What a request without the parameter gets, as in Kubernetes since 1.23.
    static let serverDefault = FieldValidation.warn

    /// The directive `request` asks for; 422 for a value that is not one of them.
    static func requested(by request: HTTPRequest, options kind: String) throws(Status) -> FieldValidation {
        guard let text = request.query["fieldValidation"], !text.isEmpty else { return serverDefault }
        guard let directive = FieldValidation(rawValue: text) else {
            // Kubernetes lists the allowed values sorted, "" (unset) among them.
            let supported = ([""] + allCases.map(\.rawValue).sorted()).map { "\"\($0)\"" }.joined(separator: ", ")
            throw Status.invalid(GroupKind(group: "meta.k8s.io", kind: kind), name: "", errors: [
                FieldError(.notSupported, "fieldValidation", value: text, "supported values: \(supported)"),
            ])
        }
        return directive
    }

    /// The unknown fields of `value` as an `Object`: the typos, in Kubernetes' words
    /// (`unknown field "spec.foo"`), and the core/v1 fields the model leaves out, each
    /// with its warning (`UnmodelledFields`).
    static func problems<Object>(in value: JSONValue, as type: Object.Type) -> Problems {
        guard let described = type as? any APIFields.Type else { return Problems() }
        var problems = Problems()
        for field in UnknownFields.fields(in: value, of: described) {
            if UnmodelledFields.contains(field.name, in: field.owner) {
                problems.unmodelled.append(UnmodelledFields.warning(field.path))
            } else {
                problems.unknown.append("unknown field \"\(field.path)\"")
            }
        }
        return problems
    }

    /// What a body holds that the model will not keep.
    struct Problems {
        /// Fields Kubernetes does not have either: typos.
        var unknown: [String] = []
        /// Fields Kubernetes has and the model leaves out: always accepted, warned about.
        var unmodelled: [String] = []
    }

    /// Applies the directive to `problems`: throws the strict error (its message made
    /// by `message`), or returns the warnings to send (none for Ignore).
    func apply(_ problems: Problems, message: (String) -> String) throws(Status) -> [String] {
        switch self {
        case .ignore: return []
        case .warn: return problems.unknown + problems.unmodelled
        case .strict:
            guard problems.unknown.isEmpty else {
                throw Status.badRequest(message("strict decoding error: " + problems.unknown.joined(separator: ", ")))
            }
            return problems.unmodelled
        }
    }

    /// The unknown-field warnings of a create or update body decoded as `Object` (`value`
    /// is the body's JSON value, read once by the caller); throws the strict error when
    /// the directive is Strict.
    func check<Object: APIObject>(_ body: RequestBody, value: JSONValue?, as type: Object.Type) throws(Status) -> [String] {
        guard self != .ignore, let value else { return [] }
        let resource = Object.resource
        var problems = Self.problems(in: value, as: type)
        problems.unknown = body.duplicateFields.map { "duplicate field \"\($0)\"" } + problems.unknown
        return try apply(problems) {
            "\(resource.kind) in version \"\(resource.version)\" cannot be handled as a \(resource.kind): \($0)"
        }
    }
}

extension APIResponse {
    /// The answer `respond` makes, success or failure, with `messages` as `Warning` headers:
    /// Kubernetes warns about an unknown field even when the request then fails.
    static func warning(
        _ messages: [String], _ respond: () async throws(Status) -> HTTPResponse
    ) async throws(Status) -> HTTPResponse {
        guard !messages.isEmpty else { return try await respond() }
        do {
            return try await respond().warning(messages)
        } catch {
            return failure(error).warning(messages)
        }
    }
}

extension HTTPResponse {
    /// The response with one `Warning` header per message, as Kubernetes sends them:
    /// code 299, no agent, the text quoted.
    func warning(_ messages: [String]) -> HTTPResponse {
        var response = self
        for message in messages {
            response.headers.add(name: "Warning", value: "299 - \(message.goQuoted)")
        }
        return response
    }
}
