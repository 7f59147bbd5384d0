// Stage 2 · APIServer: `?dryRun=All`: the whole request runs, and nothing is stored.
//
// `kubectl diff`, and `apply`, `create`, `label`, `delete` with `--dry-run=server`, send
// their writes with `dryRun=All`. The API server then does everything it would do for a
// real write (defaults, validation, the resourceVersion check, a graceful deletion's
// marking) and answers with the object it would have stored, but leaves the store as
// it was. A dry create of a name that is taken still gets 409 AlreadyExists.
//
// `All` is the only directive. Any other is refused before anything runs, as Kubernetes'
// handlers refuse it when they validate the request's options: 422 Invalid, naming the
// options' kind (`CreateOptions`, `UpdateOptions`, `PatchOptions`, `DeleteOptions`):
//
//   CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: "Bogus": supported values: "All"

import API
import APIMachinery
import HTTP

enum DryRun {
    /// The one dry-run directive: every stage of the request runs, none persists.
    static let all = "All"

    /// Whether `request` asks for a dry run, from its `dryRun` query items and, for a
    /// delete, its body's `DeleteOptions.dryRun`; 422 for a directive that is not `All`.
    static func isRequested(by request: HTTPRequest, options kind: String, bodyDirectives: [String] = []) throws(Status) -> Bool {
        let directives = request.queryItems.filter { $0.name == "dryRun" }.map(\.value) + bodyDirectives
        if let unknown = directives.first(where: { $0 != all }) {
            throw Status.invalid(GroupKind(group: "meta.k8s.io", kind: kind), name: "", errors: [
                FieldError(.notSupported, "dryRun", value: unknown, "supported values: \"\(all)\""),
            ])
        }
        return !directives.isEmpty
    }
}
