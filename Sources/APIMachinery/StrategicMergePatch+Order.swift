// Stage 2 · APIMachinery: the order of a merged list, and `$setElementOrder`.
//
// A merged list has elements from the patch and elements only the server had. Kubernetes
// orders them so that both keep their own relative order (normalizeElementOrder): the
// patch's elements are sorted by the patch, the server-only ones by the server's list,
// and then the two are interleaved: a server-only element goes first only when the
// server's list also had it before the next patch element.
//
// `kubectl apply` sends `$setElementOrder/<field>`, listing every element's merge key in
// the order of the user's file, next to a patch that lists only changed elements; the
// merged list is then sorted by that order instead of the patch's.

extension StrategicMergePatch {
    /// Handles every `$setElementOrder/<field>` key of the patch: merges the field's
    /// list, orders it, and takes both keys out of the patch (mergePatchIntoOriginal).
    static func applySetElementOrder(
        to result: inout [String: JSONValue], patch: inout [String: JSONValue], path: String, schema: PatchSchema
    ) throws(PatchError) {
        for key in patch.keys.sorted() where key.hasPrefix(setElementOrderPrefix) {
            guard let order = patch.removeValue(forKey: key)?.arrayElements else {
                throw PatchError(field: path, "invalid patch format of setElementOrder list: \(key) must be a list")
            }
            let field = try fieldName(in: key, prefix: setElementOrderPrefix, path: path)
            let fieldPath = PatchSchema.path(path, child: field)
            let original = try list(result[field], path: fieldPath)
            let changes = try list(patch.removeValue(forKey: field), path: fieldPath)
            var mergeKey: String?
            if case .mergeByKey(let key) = schema.strategy(at: fieldPath) { mergeKey = key }
            let identity: (JSONValue) -> JSONValue? = { element in mergeKey.map { element.objectMembers?[$0] } ?? element }
            try validate(order: order, against: changes ?? [], mergeKey: mergeKey, path: fieldPath, identity: identity)

            let merged: JSONValue
            switch (original, changes) {
            case (let original?, nil): merged = .array(original)
            case (nil, let changes?): merged = try resolved(.array(changes), path: fieldPath, schema: schema)
            case (let original?, let changes?):
                merged = try merge(.array(changes), into: .array(original), path: fieldPath, schema: schema)
            case (nil, nil): continue
            }
            result[field] = .array(ordered(
                merged.arrayElements ?? [], patchOrder: order, serverOrder: original ?? [], identity: identity))
        }
    }

    /// The value as a list, when there is one; anything else is a malformed patch.
    private static func list(_ value: JSONValue?, path: String) throws(PatchError) -> [JSONValue]? {
        guard let value else { return nil }
        guard let elements = value.arrayElements else {
            throw PatchError(field: path, "expected a list, but received a \(value.kindName)")
        }
        return elements
    }

    /// Checks that the patch's elements appear in `$setElementOrder` in the same relative
    /// order (validatePatchWithSetOrderList); deletions are not counted.
    private static func validate(
        order: [JSONValue], against changes: [JSONValue], mergeKey: String?, path: String,
        identity: (JSONValue) -> JSONValue?
    ) throws(PatchError) {
        if let mergeKey {
            for element in order where element.objectMembers?[mergeKey] == nil {
                throw noMergeKey(element, mergeKey, path)
            }
        }
        let listed = changes.filter { $0.objectMembers?[directiveMarker] == nil }
        var patchIndex = 0
        var orderIndex = 0
        while patchIndex < listed.count && orderIndex < order.count {
            guard let value = identity(listed[patchIndex]) else { throw noMergeKey(listed[patchIndex], mergeKey ?? "", path) }
            if value == identity(order[orderIndex]) { patchIndex += 1 }
            orderIndex += 1
        }
        if patchIndex < listed.count {
            throw PatchError(field: path,
                "the order in patch list: \(JSONValue.array(changes).patchText) doesn't match \(setElementOrderPrefix)\(path.split(separator: ".").last ?? "") list: \(JSONValue.array(order).patchText)")
        }
    }

    /// Orders a merged list: elements named in `patchOrder` by it, the others by
    /// `serverOrder`, interleaved as Kubernetes' normalizeElementOrder does. `identity`
    /// gives what names an element: its merge key's value, or the primitive itself.
    static func ordered(
        _ merged: [JSONValue], patchOrder: [JSONValue], serverOrder: [JSONValue],
        identity: (JSONValue) -> JSONValue?
    ) -> [JSONValue] {
        let patchPositions = positions(of: patchOrder, identity: identity)
        let serverPositions = positions(of: serverOrder, identity: identity)
        func position(_ element: JSONValue, _ table: [JSONValue: Int]) -> Int? {
            identity(element).flatMap { table[$0] }
        }

        let fromPatch = merged.filter { position($0, patchPositions) != nil }
        let serverOnly = merged.filter { position($0, patchPositions) == nil }
        let left = sorted(serverOnly) { position($0, serverPositions) }
        let right = sorted(fromPatch) { position($0, patchPositions) }

        var result: [JSONValue] = []
        var i = 0
        var j = 0
        while i < left.count || j < right.count {
            if j >= right.count {
                result.append(left[i]); i += 1
            } else if i >= left.count {
                result.append(right[j]); j += 1
            } else if let l = position(left[i], serverPositions), let r = position(right[j], serverPositions), l < r {
                // Both were on the server, and this one came first there.
                result.append(left[i]); i += 1
            } else {
                result.append(right[j]); j += 1
            }
        }
        return result
    }

    /// Where each identity first appears in `list`.
    private static func positions(of list: [JSONValue], identity: (JSONValue) -> JSONValue?) -> [JSONValue: Int] {
        var table: [JSONValue: Int] = [:]
        for (index, element) in list.enumerated() {
            if let id = identity(element), table[id] == nil { table[id] = index }
        }
        return table
    }

    /// A stable sort by position; elements without one keep their order, after the rest.
    private static func sorted(_ elements: [JSONValue], by position: (JSONValue) -> Int?) -> [JSONValue] {
        elements.enumerated()
            .map { (rank: position($0.element) ?? Int.max, offset: $0.offset, element: $0.element) }
            .sorted { ($0.rank, $0.offset) < ($1.rank, $1.offset) }
            .map(\.element)
    }
}
