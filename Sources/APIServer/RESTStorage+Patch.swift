// Stage 2 · APIServer: patching — sending only what changes.
//
// `kubectl apply`, `kubectl label` and `kubectl patch` do not send whole objects; they
// send a *patch*, and the server applies it to the stored object and then updates it
// as if the whole object had been sent (same validation, same optimistic concurrency).
// Two kinds are understood, told apart by the Content-Type:
//   - `application/merge-patch+json` (RFC 7386): objects merge, lists are replaced;
//   - `application/strategic-merge-patch+json`: like a merge, but lists such as
//     `containers` merge element by element, by `name` (see `StrategicMergePatch`).

import API
import APIMachinery
import Foundation

/// The kinds of patch the API server accepts.
public enum PatchType: String, Sendable, CaseIterable {
    case merge = "application/merge-patch+json"
    case strategicMerge = "application/strategic-merge-patch+json"
}

extension RESTStorage {
    /// Applies `patch` to object `name` (or to its status) and stores the result.
    /// `checkFields` sees the patched JSON before it is decoded (field validation).
    public func patch(
        namespace: String, name: String, patch: Data, type: PatchType, status: Bool = false, dryRun: Bool = false,
        checkFields: (JSONValue) throws(Status) -> Void = { _ in }
    ) async throws(Status) -> Object {
        let (old, revision) = try await read(namespace: namespace, name: name)
        let patchValue: JSONValue
        do {
            patchValue = try JSONDecoder().decode(JSONValue.self, from: patch)
        } catch {
            throw Status.badRequest("error decoding patch: \(error)")
        }
        var patched: Object
        do {
            let original = try JSONValue(encoding: old)
            let result: JSONValue = switch type {
            case .merge: MergePatch.apply(patchValue, to: original)
            case .strategicMerge: try StrategicMergePatch.apply(patchValue, to: original, schema: Strategy.patchSchema)
            }
            try checkFields(result)
            patched = try result.decoded(as: Object.self)
        } catch let status as Status {
            throw status
        } catch let error as PatchError {
            throw Status.badRequest(error.description)
        } catch {
            throw Status.badRequest("the patched object is not a valid \(resource.kind): \(error)")
        }
        // A patch is an update of what was read: the stored version must not have moved.
        patched.metadata.resourceVersion = String(revision)
        patched.metadata.name = name
        return try await update(patched, namespace: namespace, name: name, status: status, dryRun: dryRun)
    }
}

// Stage 4 > a patch that names no resourceVersion is tried again when another write came first, as Kubernetes' is: with several writers of one node (heartbeats, kubectl taint) none fails another
extension RESTStorage {
    /// How many times a patch is tried in all. Kubernetes' storage tries a conflicting
    /// update again until it lands; each round some writer wins, so N writers need at most
    /// N rounds, and this bound only stops a livelock.
    static var maxPatchAttempts: Int { 64 }

    /// Runs `attempt` (read, patch, write at the read's version) again when its write
    /// conflicted with another, up to `maxPatchAttempts` times. A whole object sent with PUT
    /// must see that 409, its copy being stale; a patch says only what changes, so it is
    /// applied to the new version instead. A patch that itself names a
    /// `metadata.resourceVersion` is not tried again.
    static func retryingConflicts(
        unlessPatchNamesAVersion body: [UInt8], _ attempt: () async throws(Status) -> Object
    ) async throws(Status) -> Object {
        var tries = 1
        while true {
            do {
                return try await attempt()
            } catch where error.reason == .conflict && tries < maxPatchAttempts && !patchNamesAVersion(body) {
                tries += 1
            }
        }
    }

    /// Whether the patch sets `metadata.resourceVersion`, asking for the write to happen only at that version.
    static func patchNamesAVersion(_ body: [UInt8]) -> Bool {
        guard let patch = try? JSONDecoder().decode(JSONValue.self, from: Data(body)),
              case .object(let fields) = patch, case .object(let metadata)? = fields["metadata"] else { return false }
        return metadata["resourceVersion"] != nil
    }
}
// Stage 4 <
