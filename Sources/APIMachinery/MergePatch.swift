// Stage 2 · APIMachinery: JSON merge patch (RFC 7386), `application/merge-patch+json`.
//
// The simplest patch: the patch looks like the object, and says only what changes.
// `kubectl patch --type merge -p '{"metadata":{"labels":{"tier":"web"}}}'` sends one.
// The rules fit in a sentence: objects merge key by key, `null` deletes a key, and
// anything else (a string, a number, a whole list) replaces what was there. Lists
// cannot be edited element by element; that is what the strategic merge patch adds.

/// Applies JSON merge patches; called by the API server for PATCH requests whose
/// Content-Type is `application/merge-patch+json`.
public enum MergePatch {
    /// Returns `original` with `patch` applied, as RFC 7386's MergePatch(Target, Patch).
    public static func apply(_ patch: JSONValue, to original: JSONValue) -> JSONValue {
        // A patch that is not an object replaces the target whole, lists included.
        guard case .object(let changes) = patch else { return patch }
        // Patching a non-object with an object starts from an empty object.
        var result = original.objectMembers ?? [:]
        for (key, change) in changes {
            if change == .null {
                result[key] = nil
            } else {
                // A missing member is patched as null, so nested nulls vanish too.
                result[key] = apply(change, to: result[key] ?? .null)
            }
        }
        return .object(result)
    }
}
