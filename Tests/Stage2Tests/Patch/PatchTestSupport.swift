// Helpers for the patch and selector tests: JSON text in, `JSONValue` out.

import API
import APIMachinery
import Foundation
import Testing

/// The JSON value that `text` spells.
func json(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
}

/// `original` with the strategic merge patch `patch` applied under `schema`.
func strategic(_ original: String, _ patch: String, _ schema: PatchSchema = .pod) throws -> JSONValue {
    try StrategicMergePatch.apply(json(patch), to: json(original), schema: schema)
}

/// The error that applying `patch` to `original` throws, or nil when it applies.
func strategicError(_ original: String, _ patch: String, _ schema: PatchSchema = .pod) throws -> PatchError? {
    let (patchValue, originalValue) = (try json(patch), try json(original))
    do {
        _ = try StrategicMergePatch.apply(patchValue, to: originalValue, schema: schema)
        return nil
    } catch {
        return error
    }
}

/// The schema of Kubernetes' own strategic patch tests (their `MergeItem` struct).
let mergeItemSchema = PatchSchema([
    "mergingList": .mergeByKey("name"),
    "mergingList[].mergingList": .mergeByKey("name"),
    "mergingIntList": .mergeAsSet,
    "replacingItem": .replace,
])
