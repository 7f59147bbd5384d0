// Namespaces as the API server stores and returns them.

import API
import ClusterKinds
import Testing

@Test func defaultNamespaceMatchesWhatKubectlShows() throws {
    let namespace = Namespace(
        metadata: ObjectMeta(
            name: "default", uid: "9d5c3a2e-1b4f-4e6a-8c7d-0e1f2a3b4c5d", resourceVersion: "195",
            creationTimestamp: Time(rfc3339: "2024-05-01T10:00:00Z")!,
            labels: ["kubernetes.io/metadata.name": "default"]),
        spec: NamespaceSpec(finalizers: [NamespaceSpec.kubernetesFinalizer]),
        status: NamespaceStatus(phase: .active))
    let expected = try jsonValue(#"""
        {"apiVersion": "v1", "kind": "Namespace",
         "metadata": {"creationTimestamp": "2024-05-01T10:00:00Z",
                      "labels": {"kubernetes.io/metadata.name": "default"}, "name": "default",
                      "resourceVersion": "195", "uid": "9d5c3a2e-1b4f-4e6a-8c7d-0e1f2a3b4c5d"},
         "spec": {"finalizers": ["kubernetes"]}, "status": {"phase": "Active"}}
        """#)
    #expect(try encodedValue(namespace) == expected)
}

@Test func namespaceCreatedFromMinimalBodyHasEmptySpecAndStatus() throws {
    let namespace = try decoded(Namespace.self, #"{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team-a"}}"#)
    #expect(namespace.metadata.name == "team-a")
    #expect(namespace.status.phase == nil)
    #expect(try encodedValue(namespace.spec) == jsonValue("{}"))
}

@Test func terminatingNamespaceRoundTrips() throws {
    let text = #"""
        {"apiVersion": "v1", "kind": "Namespace",
         "metadata": {"creationTimestamp": "2024-05-01T10:00:00Z", "deletionTimestamp": "2024-05-01T12:00:00Z",
                      "name": "team-a"},
         "spec": {"finalizers": ["kubernetes"]}, "status": {"phase": "Terminating"}}
        """#
    #expect(try roundTrips(Namespace.self, text))
    #expect(try decoded(Namespace.self, text).status.phase == .terminating)
}
