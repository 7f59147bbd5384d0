// Cases from Kubernetes' own strategicpatch tests (patch_test.go), run on their
// `MergeItem` schema: merging lists keep the patch's order, directives, and errors.

import API
import Testing

/// (description, original, patch, result) rows from customStrategicMergePatchTestCaseData
/// and customStrategicMergePatchRawTestCases.
let kubernetesCases: [(String, String, String, String)] = [
    ("unique scalars when merging lists",
     #"{"mergingIntList":[1,2]}"#, #"{"mergingIntList":[2,3]}"#, #"{"mergingIntList":[1,2,3]}"#),
    ("delete map from nested map",
     #"{"simpleMap":{"key1":1,"key2":1}}"#, #"{"simpleMap":{"$patch":"delete"}}"#, #"{"simpleMap":{}}"#),
    ("delete all items from merging list",
     #"{"mergingList":[{"name":1},{"name":2}]}"#, #"{"mergingList":[{"$patch":"replace"}]}"#, #"{"mergingList":[]}"#),
    ("merge empty merging lists",
     #"{"mergingList":[]}"#, #"{"mergingList":[]}"#, #"{"mergingList":[]}"#),
    ("delete all keys from map",
     #"{"name":1,"value":1}"#, #"{"$patch":"replace"}"#, #"{}"#),
    ("add key and delete all keys from map",
     #"{"name":1,"value":1}"#, #"{"other":"a","$patch":"replace"}"#, #"{"other":"a"}"#),
    ("delete all duplicate entries in a merging list",
     #"{"mergingList":[{"name":1},{"name":1},{"name":2,"value":"a"},{"name":3},{"name":3}]}"#,
     #"{"mergingList":[{"name":1,"$patch":"delete"},{"name":3,"$patch":"delete"}]}"#,
     #"{"mergingList":[{"name":2,"value":"a"}]}"#),
    ("preserve the order from the patch in a merging list",
     #"{"mergingList":[{"name":1},{"name":2,"value":"b"},{"name":3}]}"#,
     #"{"mergingList":[{"name":3,"value":"c"},{"name":1,"value":"a"},{"name":2,"other":"x"}]}"#,
     #"{"mergingList":[{"name":3,"value":"c"},{"name":1,"value":"a"},{"name":2,"value":"b","other":"x"}]}"#),
    ("preserve the order from the patch in a merging list 2",
     #"{"mergingList":[{"name":1},{"name":2,"value":"b"},{"name":3}]}"#,
     #"{"mergingList":[{"name":3,"value":"c"},{"name":1,"value":"a"}]}"#,
     #"{"mergingList":[{"name":2,"value":"b"},{"name":3,"value":"c"},{"name":1,"value":"a"}]}"#),
    ("preserve the order from the patch in a merging int list",
     #"{"mergingIntList":[1,2,3]}"#, #"{"mergingIntList":[3,1,2]}"#, #"{"mergingIntList":[3,1,2]}"#),
    ("preserve the order from the patch in a merging int list 2",
     #"{"mergingIntList":[1,2,3]}"#, #"{"mergingIntList":[3,1]}"#, #"{"mergingIntList":[2,3,1]}"#),
    ("$setElementOrder contains item that is not present in the list to be merged",
     #"{"mergingList":[{"name":1},{"name":3}]}"#,
     #"{"$setElementOrder/mergingList":[{"name":3},{"name":2},{"name":1}],"mergingList":[{"name":3,"value":3},{"name":1,"value":1}]}"#,
     #"{"mergingList":[{"name":3,"value":3},{"name":1,"value":1}]}"#),
    ("$setElementOrder contains item that is not present in the int list to be merged",
     #"{"mergingIntList":[1,3]}"#, #"{"$setElementOrder/mergingIntList":[3,2,1]}"#, #"{"mergingIntList":[3,1]}"#),
    ("replacing item is replaced, not merged",
     #"{"replacingItem":{"a":1,"b":2}}"#, #"{"replacingItem":{"c":3}}"#, #"{"replacingItem":{"c":3}}"#),
]

@Test(arguments: kubernetesCases)
func strategicMergePatchMatchesKubernetes(description: String, original: String, patch: String, result: String) throws {
    #expect(try strategic(original, patch, mergeItemSchema) == (try json(result)), "\(description)")
}

@Test func setElementOrderThatContradictsThePatchIsRejected() throws {
    let error = try strategicError(
        #"{"mergingList":[{"name":1},{"name":3},{"name":2}]}"#,
        #"{"$setElementOrder/mergingList":[{"name":1},{"name":2},{"name":3}],"mergingList":[{"name":3,"value":3},{"name":1,"value":1}]}"#,
        mergeItemSchema)
    #expect(error?.field == "mergingList")
    #expect(error?.message.contains("doesn't match") == true)
}

@Test func aMergingListElementWithoutItsKeyIsRejected() throws {
    let error = try strategicError(twoContainers, #"{"spec":{"containers":[{"image":"x"}]}}"#)
    #expect(error?.description == #"spec.containers: map: {"image":"x"} does not contain declared merge key: name"#)
}

@Test func anUnknownPatchDirectiveIsRejected() throws {
    let error = try strategicError(twoContainers, #"{"metadata":{"$patch":"explode"}}"#)
    #expect(error?.field == "metadata")
    #expect(error?.message.hasPrefix(#"unknown patch type: "explode" in map"#) == true)
}

@Test func mergeDirectiveInAListIsRejectedAsKubernetesDoes() throws {
    let error = try strategicError(twoContainers, #"{"spec":{"containers":[{"$patch":"merge"}]}}"#)
    #expect(error?.message == "merging lists cannot yet be specified in the patch")
}

@Test func aListMixingObjectsAndScalarsIsRejected() throws {
    let error = try strategicError(twoContainers, #"{"spec":{"containers":["web"]}}"#)
    #expect(error?.message.hasPrefix("list element types are not identical") == true)
}

@Test func aPatchThatIsNotAnObjectIsRejected() throws {
    let error = try strategicError(twoContainers, #"["x"]"#)
    #expect(error?.message == "a strategic merge patch must be a JSON object, found array")
}
