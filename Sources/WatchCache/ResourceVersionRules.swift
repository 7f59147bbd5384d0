// Stage 3 · WatchCache: what a request's resourceVersion may say, and the refusals when it may not.
//
// A resourceVersion is opaque to clients, but the server reads it as a revision of the
// store, so it must be a number: "" means "the latest", "0" means "any", N means revision
// N. Kubernetes' rules, each refusal worded as Kubernetes words it:
//
//   not a number          400  invalid resource version: resourceVersion: Invalid value:
//                              "x": strconv.ParseUint: parsing "x": invalid syntax
//                              (what its etcd store answers; its watch cache answers 500 for
//                              the same mistake, kubernetes/kubernetes#139485, and a
//                              client's mistake is never a 500 here)
//   resourceVersionMatch  422  ListOptions.meta.k8s.io "" is invalid: … (apimachinery's
//                              `ValidateListOptions`): forbidden without resourceVersion,
//                              with continue, on a watch (without sendInitialEvents);
//                              "Exact" forbidden with "0"; only Exact and NotOlderThan exist
//   a version not reached 504  Timeout: Too large resource version: N, current: M, after
//                              waiting `futureVersionWait` (storage `NewTooLargeResourceVersionError`)

import API
import APIMachinery
import APIServer

/// Kubernetes' rules for `resourceVersion` and `resourceVersionMatch`.
enum ResourceVersionRules {
    static let exact = "Exact"
    static let notOlderThan = "NotOlderThan"

    /// The revision `text` names: 0 for "" and "0"; a 400 when it is not a number.
    static func revision(_ text: String) throws(Status) -> Int64 {
        if text.isEmpty || text == "0" { return 0 }
        guard text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw invalidVersion(text, "invalid syntax")
        }
        guard let value = UInt64(text) else { throw invalidVersion(text, "value out of range") }
        return Int64(clamping: value)
    }

    /// The 400 for a resourceVersion that is not a revision, in Go's words.
    private static func invalidVersion(_ text: String, _ problem: String) -> Status {
        let error = FieldError(.invalid, "resourceVersion", value: text, "strconv.ParseUint: parsing \(text.goQuoted): \(problem)")
        return Status.badRequest("invalid resource version: \(error)")
    }

    /// Why a watch cannot start, or nil: its resourceVersion and resourceVersionMatch.
    static func watchRefusal(_ request: WatchRequest) -> Status? {
        let match = request.query["resourceVersionMatch"] ?? ""
        if !match.isEmpty {
            // sendInitialEvents (streaming lists) is not offered, so a match is never allowed.
            var errors = [FieldError(.forbidden, "resourceVersionMatch", "resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided")]
            if match != notOlderThan {
                errors.append(FieldError(.notSupported, "resourceVersionMatch", value: match, "supported values: \"\(notOlderThan)\""))
            }
            return invalidOptions(errors)
        }
        do {
            _ = try revision(request.resourceVersion)
            return nil
        } catch {
            return error
        }
    }

    /// The 422 for a list whose `resourceVersionMatch` breaks the rules, or nil.
    static func listProblems(_ read: ListRead) -> Status? {
        let match = read.resourceVersionMatch
        guard !match.isEmpty else { return nil }
        var errors: [FieldError] = []
        if read.resourceVersion.isEmpty {
            errors.append(FieldError(.forbidden, "resourceVersionMatch", "resourceVersionMatch is forbidden unless resourceVersion is provided"))
        }
        if read.continueRevision != nil {
            errors.append(FieldError(.forbidden, "resourceVersionMatch", "resourceVersionMatch is forbidden when continue is provided"))
        }
        if match != exact && match != notOlderThan {
            errors.append(FieldError(.notSupported, "resourceVersionMatch", value: match,
                                     "supported values: \"\(exact)\", \"\(notOlderThan)\", \"\""))
        }
        if match == exact && read.resourceVersion == "0" {
            errors.append(FieldError(.forbidden, "resourceVersionMatch", "resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\""))
        }
        return errors.isEmpty ? nil : invalidOptions(errors)
    }

    /// 422 Invalid about the request's `ListOptions`, as Kubernetes' handlers answer.
    private static func invalidOptions(_ errors: [FieldError]) -> Status {
        Status.invalid(GroupKind(group: "meta.k8s.io", kind: "ListOptions"), name: "", errors: errors)
    }

    /// 504: the store has not reached `requested` (it is at `current`); retry after a while.
    static func tooLarge(_ requested: Int64, current: Int64, retryAfterSeconds: Int32) -> Status {
        let cause = StatusCause(reason: "ResourceVersionTooLarge", message: "Too large resource version")
        return Status(
            status: .failure, message: "Timeout: Too large resource version: \(requested), current: \(current)", reason: .timeout,
            details: StatusDetails(causes: [cause], retryAfterSeconds: retryAfterSeconds), code: 504)
    }

    /// 410: a list at a revision the store has forgotten.
    static let listTooOld = "The resourceVersion for the provided list is too old."

    /// 410: a page whose token's revision the store has forgotten. Kubernetes' message,
    /// with a token in the Status's metadata that continues at the latest revision.
    static let inconsistentContinue = "The provided continue parameter is too old to display a consistent list result. "
        + "You can start a new list without the continue parameter, or use the continue token in this response to "
        + "retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - "
        + "objects that were created, modified, or deleted between the time the first chunk was returned and now may "
        + "show up in the list."
}
