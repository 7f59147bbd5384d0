// Strategic merge patch on pods: lists that merge by key, and plain merges elsewhere.

import API
import APIMachinery
import Testing

let twoContainers = #"""
{"metadata": {"name": "web", "labels": {"app": "web", "tier": "front"}},
 "spec": {"containers": [
   {"name": "web", "image": "nginx:1", "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}],
    "ports": [{"containerPort": 80, "name": "http"}], "args": ["-v"]},
   {"name": "log", "image": "busybox"}]}}
"""#

@Test func patchingOneContainerKeepsTheOthers() throws {
    let result = try strategic(twoContainers, #"{"spec":{"containers":[{"name":"web","image":"nginx:2"}]}}"#)
    #expect(result == (try json(#"""
        {"metadata": {"name": "web", "labels": {"app": "web", "tier": "front"}},
         "spec": {"containers": [
           {"name": "web", "image": "nginx:2", "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}],
            "ports": [{"containerPort": 80, "name": "http"}], "args": ["-v"]},
           {"name": "log", "image": "busybox"}]}}
        """#)))
}

@Test func aContainerWithANewNameIsAddedAheadOfTheServerOnlyOnes() throws {
    // Without $setElementOrder, Kubernetes puts the patch's new elements before those
    // only the server had (normalizeElementOrder); kubectl apply sends the order.
    let result = try strategic(twoContainers, #"{"spec":{"containers":[{"name":"side","image":"envoy"}]}}"#)
    let names = result.objectMembers("spec")?["containers"]?.names
    #expect(names == ["side", "web", "log"])
}

@Test func setElementOrderPutsANewContainerWhereTheFileHasIt() throws {
    let patch = #"""
        {"spec":{"$setElementOrder/containers":[{"name":"web"},{"name":"log"},{"name":"side"}],
                 "containers":[{"name":"side","image":"envoy"}]}}
        """#
    #expect(try strategic(twoContainers, patch).objectMembers("spec")?["containers"]?.names == ["web", "log", "side"])
}

@Test func deleteDirectiveInAListElementRemovesThatElement() throws {
    let result = try strategic(twoContainers, #"{"spec":{"containers":[{"name":"log","$patch":"delete"}]}}"#)
    #expect(result.objectMembers("spec")?["containers"]?.names == ["web"])
}

@Test func replaceDirectiveInAListReplacesTheList() throws {
    let result = try strategic(twoContainers,
        #"{"spec":{"containers":[{"name":"only","image":"x"},{"$patch":"replace"}]}}"#)
    #expect(result.objectMembers("spec")?["containers"] == (try json(#"[{"name":"only","image":"x"}]"#)))
}

@Test func envMergesByNameInsideAContainer() throws {
    let result = try strategic(twoContainers,
        #"{"spec":{"containers":[{"name":"web","env":[{"name":"B","value":"3"},{"name":"C","value":"4"}]}]}}"#)
    let web = result.objectMembers("spec")?["containers"]?.element(named: "web")
    #expect(web?["env"] == (try json(#"[{"name":"A","value":"1"},{"name":"B","value":"3"},{"name":"C","value":"4"}]"#)))
}

@Test func portsMergeByContainerPort() throws {
    let result = try strategic(twoContainers,
        #"{"spec":{"containers":[{"name":"web","ports":[{"containerPort":80,"protocol":"TCP"},{"containerPort":443}]}]}}"#)
    let web = result.objectMembers("spec")?["containers"]?.element(named: "web")
    #expect(web?["ports"] == (try json(#"[{"containerPort":80,"name":"http","protocol":"TCP"},{"containerPort":443}]"#)))
}

@Test func listsWithoutAStrategyAreReplacedWhole() throws {
    let result = try strategic(twoContainers, #"{"spec":{"containers":[{"name":"web","args":["-q"]}]}}"#)
    let web = result.objectMembers("spec")?["containers"]?.element(named: "web")
    #expect(web?["args"] == .array([.string("-q")]))
}

@Test func tolerationsAreAtomic() throws {
    let pod = #"{"spec":{"tolerations":[{"key":"a","operator":"Exists"}]}}"#
    let result = try strategic(pod, #"{"spec":{"tolerations":[{"key":"b","operator":"Exists"}]}}"#)
    #expect(result == (try json(#"{"spec":{"tolerations":[{"key":"b","operator":"Exists"}]}}"#)))
}

@Test func nullDeletesAKeyAndObjectsMerge() throws {
    let result = try strategic(twoContainers, #"{"metadata":{"labels":{"tier":null,"version":"2"}}}"#)
    #expect(result.objectMembers("metadata")?["labels"] == (try json(#"{"app":"web","version":"2"}"#)))
}

@Test func replaceDirectiveInAnObjectReplacesIt() throws {
    let result = try strategic(twoContainers, #"{"metadata":{"labels":{"$patch":"replace","only":"this"}}}"#)
    #expect(result.objectMembers("metadata")?["labels"] == (try json(#"{"only":"this"}"#)))
}

@Test func deleteDirectiveInAnObjectEmptiesIt() throws {
    let result = try strategic(twoContainers, #"{"metadata":{"labels":{"$patch":"delete"}}}"#)
    #expect(result.objectMembers("metadata")?["labels"] == .object([:]))
}

@Test func finalizersMergeAsASet() throws {
    let pod = #"{"metadata":{"finalizers":["a","b"]}}"#
    let result = try strategic(pod, #"{"metadata":{"finalizers":["b","c"]}}"#)
    #expect(result == (try json(#"{"metadata":{"finalizers":["a","b","c"]}}"#)))
}

@Test func deleteFromPrimitiveListRemovesFinalizers() throws {
    let pod = #"{"metadata":{"finalizers":["a","b","c"]}}"#
    let result = try strategic(pod, #"{"metadata":{"$deleteFromPrimitiveList/finalizers":["b","x"]}}"#)
    #expect(result == (try json(#"{"metadata":{"finalizers":["a","c"]}}"#)))
}

@Test func conditionsMergeByType() throws {
    let pod = #"{"status":{"conditions":[{"type":"Ready","status":"False"},{"type":"PodScheduled","status":"True"}]}}"#
    let result = try strategic(pod, #"{"status":{"conditions":[{"type":"Ready","status":"True"}]}}"#)
    #expect(result == (try json(
        #"{"status":{"conditions":[{"type":"Ready","status":"True"},{"type":"PodScheduled","status":"True"}]}}"#)))
}

@Test func ownerReferencesMergeByUID() throws {
    let pod = #"{"metadata":{"ownerReferences":[{"uid":"1","name":"rs-a"}]}}"#
    let result = try strategic(pod, #"{"metadata":{"ownerReferences":[{"uid":"2","name":"rs-b"}]}}"#)
    #expect(result == (try json(#"{"metadata":{"ownerReferences":[{"uid":"2","name":"rs-b"},{"uid":"1","name":"rs-a"}]}}"#)))
}

@Test func setElementOrderReordersTheMergedList() throws {
    let patch = #"{"spec":{"$setElementOrder/containers":[{"name":"log"},{"name":"web"}]}}"#
    let result = try strategic(twoContainers, patch)
    #expect(result.objectMembers("spec")?["containers"]?.names == ["log", "web"])
}

@Test func setElementOrderAsKubectlApplySendsIt() throws {
    // kubectl apply: the file lists web then side; only side's image changed.
    let pod = #"{"spec":{"containers":[{"name":"web","image":"a"},{"name":"side","image":"b"}]}}"#
    let patch = #"""
        {"spec":{"$setElementOrder/containers":[{"name":"web"},{"name":"side"}],
                 "containers":[{"name":"side","image":"c"}]}}
        """#
    #expect(try strategic(pod, patch) == (try json(#"{"spec":{"containers":[{"name":"web","image":"a"},{"name":"side","image":"c"}]}}"#)))
}

@Test func retainKeysDropsTheKeysItDoesNotList() throws {
    let original = #"{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}}"#
    let patch = #"{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}"#
    #expect(try strategic(original, patch, .plain) == (try json(#"{"spec":{"strategy":{"type":"Recreate"}}}"#)))
}

@Test func retainKeysRejectsAPatchThatSetsAnUnlistedKey() throws {
    let error = try strategicError(#"{"a":{}}"#, #"{"a":{"$retainKeys":["type"],"other":1}}"#, .plain)
    #expect(error?.field == "a")
    #expect(error?.message.hasPrefix("invalid patch format of retainKeys") == true)
}

@Test func nodeAddressesAndConditionsMergeByType() throws {
    let node = #"{"status":{"addresses":[{"type":"InternalIP","address":"10.0.0.1"},{"type":"Hostname","address":"n1"}]}}"#
    let result = try strategic(node, #"{"status":{"addresses":[{"type":"Hostname","address":"n2"}]}}"#, .node)
    #expect(result == (try json(
        #"{"status":{"addresses":[{"type":"InternalIP","address":"10.0.0.1"},{"type":"Hostname","address":"n2"}]}}"#)))
}

@Test func eventsArePlainMerges() throws {
    let event = #"{"count":1,"reason":"Started","source":{"component":"kubelet"}}"#
    let result = try strategic(event, #"{"count":2,"source":{"host":"n1"}}"#, .event)
    #expect(result == (try json(#"{"count":2,"reason":"Started","source":{"component":"kubelet","host":"n1"}}"#)))
}

@Test func directivesInsideANewValueAreResolvedNotStored() throws {
    let pod = #"{"spec":{}}"#
    let patch = #"{"spec":{"containers":[{"name":"web","env":[{"name":"A","value":"1"},{"name":"B","$patch":"delete"}],"image":null}]}}"#
    #expect(try strategic(pod, patch) == (try json(#"{"spec":{"containers":[{"name":"web","env":[{"name":"A","value":"1"}]}]}}"#)))
}

extension JSONValue {
    /// The members of the object at `key` of this object.
    func objectMembers(_ key: String) -> [String: JSONValue]? {
        if case .object(let members) = self, case .object(let inner)? = members[key] { return inner }
        return nil
    }

    /// The `name` of each element of this list.
    var names: [String] {
        guard case .array(let elements) = self else { return [] }
        return elements.compactMap { element in
            if case .object(let members) = element, case .string(let name)? = members["name"] { return name }
            return nil
        }
    }

    /// The element of this list whose `name` is `name`.
    func element(named name: String) -> [String: JSONValue]? {
        guard case .array(let elements) = self else { return nil }
        for case .object(let members) in elements where members["name"] == .string(name) { return members }
        return nil
    }
}
