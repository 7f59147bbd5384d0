// Discovery and version answers, shaped exactly as kubectl's discovery client expects.

import API
import APIMachinery
import ClusterKinds
import Testing

@Test func coreAPIVersionsHaveAKindButNoAPIVersion() throws {
    let versions = APIVersions(serverAddressByClientCIDRs: [ServerAddressByClientCIDR(serverAddress: "127.0.0.1:6443")])
    #expect(try encodedText(versions)
        == #"{"kind":"APIVersions","serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1:6443"}],"versions":["v1"]}"#)
}

@Test func absentFieldsDecodeAsGoZeroValuesNotAsTheBuildersDefaults() throws {
    let versions = try decoded(APIVersions.self, #"{"serverAddressByClientCIDRs": [{"serverAddress": "10.0.0.1:6443"}]}"#)
    #expect(versions.kind == "" && versions.versions == [])
    #expect(versions.serverAddressByClientCIDRs == [ServerAddressByClientCIDR(clientCIDR: "", serverAddress: "10.0.0.1:6443")])
}

@Test func emptyGroupListStillWritesGroups() throws {
    #expect(try encodedText(APIGroupList()) == #"{"apiVersion":"v1","groups":[],"kind":"APIGroupList"}"#)
}

@Test func groupInAListWritesNameVersionsAndPreferredVersion() throws {
    let apps = GroupVersionForDiscovery(groupVersion: "apps/v1", version: "v1")
    let group = APIGroup(name: "apps", versions: [apps], preferredVersion: apps)
    #expect(try encodedValue(group) == jsonValue(#"""
        {"name": "apps", "versions": [{"groupVersion": "apps/v1", "version": "v1"}],
         "preferredVersion": {"groupVersion": "apps/v1", "version": "v1"}}
        """#))
}

@Test func realPodsResourceEntryRoundTrips() throws {
    let text = #"""
        {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"v1","resources":[
          {"name":"pods","singularName":"pod","namespaced":true,"kind":"Pod",
           "verbs":["create","delete","deletecollection","get","list","patch","update","watch"],
           "shortNames":["po"],"categories":["all"],"storageVersionHash":"xPOwRZ+Yhw8="},
          {"name":"pods/status","singularName":"","namespaced":true,"kind":"Pod","verbs":["get","patch","update"]},
          {"name":"nodes","singularName":"node","namespaced":false,"kind":"Node",
           "verbs":["create","delete","deletecollection","get","list","patch","update","watch"],
           "shortNames":["no"],"storageVersionHash":"XwShjMxG9Fs="}]}
        """#
    #expect(try roundTrips(APIResourceList.self, text))
    let list = try decoded(APIResourceList.self, text)
    #expect(list.resources.first?.shortNames == ["po"])
    #expect(list.resources.last?.namespaced == false)
}

@Test func resourceEntryAlwaysWritesNamespacedAndVerbs() throws {
    #expect(try encodedText(APIResource(name: "nodes/status", kind: "Node"))
        == #"{"kind":"Node","name":"nodes/status","namespaced":false,"singularName":"","verbs":[]}"#)
}

@Test func versionInfoLeavesOutEmptyEmulationFields() throws {
    let info = VersionInfo(
        major: "1", minor: "30", gitVersion: "v1.30.0", gitCommit: "7c48c2bd72b9bf5c44d21d7338cc7bea77d0ad2a",
        gitTreeState: "clean", buildDate: "2024-04-17T17:27:03Z", goVersion: "go1.22.2", compiler: "gc",
        platform: "linux/amd64")
    #expect(try encodedValue(info) == jsonValue(#"""
        {"major": "1", "minor": "30", "gitVersion": "v1.30.0", "gitCommit": "7c48c2bd72b9bf5c44d21d7338cc7bea77d0ad2a",
         "gitTreeState": "clean", "buildDate": "2024-04-17T17:27:03Z", "goVersion": "go1.22.2", "compiler": "gc",
         "platform": "linux/amd64"}
        """#))
}

@Test func versionInfoFromA133ServerRoundTrips() throws {
    let text = #"""
        {"major":"1","minor":"33","emulationMajor":"1","emulationMinor":"33","minCompatibilityMajor":"1",
         "minCompatibilityMinor":"32","gitVersion":"v1.33.0","gitCommit":"60a317eadfcb839692a68eab88b2096f4d708f4f",
         "gitTreeState":"clean","buildDate":"2025-04-23T13:02:30Z","goVersion":"go1.24.2","compiler":"gc",
         "platform":"linux/amd64"}
        """#
    #expect(try roundTrips(VersionInfo.self, text))
}
