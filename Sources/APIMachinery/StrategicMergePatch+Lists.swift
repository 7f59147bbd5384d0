// Stage 2 · APIMachinery: how a strategic merge patch merges lists.
//
// A list with a merge key (`containers` by `name`) merges element by element: a patch
// element whose key matches an existing one is merged into it, a new one is appended,
// and `{"name": "sidecar", "$patch": "delete"}` removes one. A list of primitives with
// the merge strategy (`finalizers`) merges as a set. The order of the result follows
// Kubernetes (see StrategicMergePatch+Order.swift): the patch's elements keep the
// patch's order, the server's other elements keep theirs.

extension StrategicMergePatch {
    /// Merges the list `patch` into the list `original` at `path`; `mergeKey` is nil for
    /// a list of primitives merged as a set (Kubernetes' mergeSlice).
    static func mergeList(
        _ original: [JSONValue], _ patch: [JSONValue], mergeKey: String?, path: String, schema: PatchSchema
    ) throws(PatchError) -> [JSONValue] {
        if original.isEmpty && patch.isEmpty { return original }
        guard try elementKind(of: original + patch, path: path) == "object" else {
            // Primitives: a set union; the order is settled below.
            var merged: [JSONValue] = []
            for value in original + patch where !merged.contains(value) {
                merged.append(value)
            }
            return ordered(merged, patchOrder: patch, serverOrder: original, identity: { $0 })
        }
        guard let mergeKey else {
            throw PatchError(field: path, "cannot merge lists of objects without a merge key")
        }
        let (base, changes) = try applyListDirectives(original, patch, mergeKey: mergeKey, path: path, schema: schema)
        var merged = base
        let elementPath = PatchSchema.elements(of: path)
        for change in changes {
            let members = change.objectMembers ?? [:]
            guard let value = members[mergeKey] else { throw noMergeKey(change, mergeKey, path) }
            if let index = merged.firstIndex(where: { $0.objectMembers?[mergeKey] == value }) {
                let current = merged[index].objectMembers ?? [:]
                merged[index] = .object(try mergeObject(current, members, path: elementPath, schema: schema))
            } else {
                merged.append(.object(try mergeObject([:], members, path: elementPath, schema: schema)))
            }
        }
        return ordered(merged, patchOrder: changes, serverOrder: base) { $0.objectMembers?[mergeKey] }
    }

    /// Carries out the `$patch` elements of a merging list: deletes the elements they
    /// name, or replaces the list. Returns the list to merge into and the plain patch
    /// elements left to merge (Kubernetes' mergeSliceWithSpecialElements).
    static func applyListDirectives(
        _ original: [JSONValue], _ patch: [JSONValue], mergeKey: String, path: String, schema: PatchSchema
    ) throws(PatchError) -> (base: [JSONValue], changes: [JSONValue]) {
        var base = original
        var changes: [JSONValue] = []
        var replacesList = false
        for element in patch {
            guard let directive = element.objectMembers?[directiveMarker] else {
                changes.append(element)
                continue
            }
            switch directive {
            case .string(deleteDirective):
                guard let value = element.objectMembers?[mergeKey] else { throw noMergeKey(element, mergeKey, path) }
                base.removeAll { $0.objectMembers?[mergeKey] == value }
            case .string(replaceDirective):
                // Keep going: the other `$patch` elements must still be taken out.
                replacesList = true
            case .string(mergeDirective):
                throw PatchError(field: path, "merging lists cannot yet be specified in the patch")
            default:
                throw PatchError(field: path, "unknown patch type: \(directive.patchText) in map: \(element.patchText)")
            }
        }
        guard replacesList else { return (base, changes) }
        // The plain elements are the whole new list.
        let elementPath = PatchSchema.elements(of: path)
        var replacement: [JSONValue] = []
        for element in changes {
            replacement.append(.object(try mergeObject([:], element.objectMembers ?? [:], path: elementPath, schema: schema)))
        }
        return (replacement, [])
    }

    /// Removes the values listed by `$deleteFromPrimitiveList/<field>` from the list.
    /// Kubernetes would store the list of values when the field is absent; here there
    /// is simply nothing to delete from.
    static func deleteFromPrimitiveList(
        _ current: JSONValue?, values: JSONValue, path: String
    ) throws(PatchError) -> JSONValue? {
        guard let doomed = values.arrayElements else {
            throw PatchError(field: path, "invalid patch format of primitive list: expected a list, found \(values.patchText)")
        }
        guard let current else { return nil }
        guard let list = current.arrayElements else {
            throw PatchError(field: path, "expected a list, but received a \(current.kindName)")
        }
        _ = try elementKind(of: doomed, path: path)
        return .array(list.filter { !doomed.contains($0) })
    }

    /// The one JSON kind shared by every element; lists that mix kinds, and lists of
    /// lists, cannot be merged (Kubernetes' sliceElementType).
    static func elementKind(of elements: [JSONValue], path: String) throws(PatchError) -> String? {
        var kind: String?
        for element in elements {
            if case .array = element {
                throw PatchError(field: path, "lists of lists are not supported")
            }
            if let kind, kind != element.kindName {
                throw PatchError(field: path, "list element types are not identical: \(JSONValue.array(elements).patchText)")
            }
            kind = element.kindName
        }
        return kind
    }

    /// Kubernetes' ErrNoMergeKey, for an element of a merging list without its key.
    static func noMergeKey(_ element: JSONValue, _ mergeKey: String, _ path: String) -> PatchError {
        PatchError(field: path, "map: \(element.patchText) does not contain declared merge key: \(mergeKey)")
    }
}
