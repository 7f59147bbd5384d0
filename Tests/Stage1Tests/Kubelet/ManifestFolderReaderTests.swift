// Stage 1 · Kubelet tests: static pods read from a manifest folder.
//
// Each test writes manifests into its own temporary folder and scans it with the
// reader the file source uses, checking what Kubernetes' file source would do:
// node-suffixed names, stable uids, config annotations, and bad files reported once.

import API
import Foundation
import Testing
@testable import Kubelet

/// A pod manifest named `name` with one container running `image`.
private func manifest(name: String = "hello", image: String = "busybox", namespace: String? = nil) -> String {
    """
    apiVersion: v1
    kind: Pod
    metadata:
      name: \(name)
    \(namespace.map { "  namespace: \($0)" } ?? "")
    spec:
      containers:
      - name: web
        image: \(image)
    """
}

/// A manifest whose containerPort is a word: line 10, column 22 holds the bad value.
private let badPortManifest = """
    apiVersion: v1
    kind: Pod
    metadata:
      name: bad
    spec:
      containers:
      - name: web
        image: busybox
        ports:
        - containerPort: http
    """

/// Runs `body` with a fresh folder and a reader for node `Node1` over it, then removes the folder.
private func withFolder(_ body: (TemporaryDirectory, inout ManifestFolderReader) throws -> Void) throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    var reader = ManifestFolderReader(directory: folder.url, nodeName: "Node1", source: "file")
    try body(folder, &reader)
}

@Test func staticPodIsNamedAfterItsNode() throws {
    try withFolder { folder, reader in
        _ = try folder.write(manifest(), to: "hello.yaml")
        let pod = try #require(reader.scan().pods.first)
        #expect(pod.metadata.name == "hello-node1")
        #expect(pod.spec.nodeName == "Node1")
    }
}

@Test func staticPodWithoutNamespaceIsInDefault() throws {
    try withFolder { folder, reader in
        _ = try folder.write(manifest(name: "a"), to: "a.yaml")
        _ = try folder.write(manifest(name: "b", namespace: "kube-system"), to: "b.yaml")
        let pods = reader.scan().pods
        #expect(pods.map(\.metadata.namespace) == ["default", "kube-system"])
    }
}

@Test func staticPodIsDefaulted() throws {
    try withFolder { folder, reader in
        _ = try folder.write(manifest(), to: "hello.yaml")
        let pod = try #require(reader.scan().pods.first)
        #expect(pod.spec.restartPolicy == .always)
        #expect(pod.spec.containers[0].imagePullPolicy == .always)
    }
}

@Test func uidIsStableAcrossScans() throws {
    try withFolder { folder, reader in
        _ = try folder.write(manifest(), to: "hello.yaml")
        let first = try #require(reader.scan().pods.first)
        let second = try #require(reader.scan().pods.first)
        #expect(!first.metadata.uid.isEmpty)
        #expect(first.metadata.uid == second.metadata.uid)
        #expect(first.metadata.creationTimestamp == second.metadata.creationTimestamp)
    }
}

@Test func uidChangesWhenTheFileChanges() throws {
    try withFolder { folder, reader in
        _ = try folder.write(manifest(image: "busybox:1.36"), to: "hello.yaml")
        let before = try #require(reader.scan().pods.first)
        _ = try folder.write(manifest(image: "busybox:1.37"), to: "hello.yaml")
        let after = try #require(reader.scan().pods.first)
        #expect(before.metadata.uid != after.metadata.uid)
        #expect(after.spec.containers[0].image == "busybox:1.37")
    }
}

@Test func uidDependsOnTheNode() throws {
    try withFolder { folder, reader in
        _ = try folder.write(manifest(), to: "hello.yaml")
        var other = ManifestFolderReader(directory: folder.url, nodeName: "node2", source: "file")
        #expect(reader.scan().pods.first?.metadata.uid != other.scan().pods.first?.metadata.uid)
    }
}

@Test func staticPodCarriesTheConfigAnnotations() throws {
    try withFolder { folder, reader in
        _ = try folder.write(manifest(), to: "hello.yaml")
        let pod = try #require(reader.scan().pods.first)
        let annotations = pod.metadata.annotations
        #expect(annotations["kubernetes.io/config.source"] == "file")
        #expect(annotations["kubernetes.io/config.hash"] == pod.metadata.uid)
        #expect(annotations["kubernetes.io/config.seen"] == pod.metadata.creationTimestamp.description)
    }
}

@Test func badFileIsReportedOnceWithItsPlaceAndField() throws {
    try withFolder { folder, reader in
        _ = try folder.write(badPortManifest, to: "bad.yaml")
        let first = reader.scan()
        #expect(first.pods.isEmpty)
        #expect(first.newProblems.map(\.file) == ["bad.yaml"])
        let message = try #require(first.newProblems.first?.message)
        #expect(message.hasPrefix("bad.yaml:10:22: spec.containers[0].ports[0].containerPort: "), "\(message)")
        #expect(reader.scan().newProblems.isEmpty)
    }
}

@Test func badFileIsReportedAgainWhenItsProblemChanges() throws {
    try withFolder { folder, reader in
        _ = try folder.write(badPortManifest, to: "bad.yaml")
        _ = reader.scan()
        _ = try folder.write("kind: Pod\nmetadata: [", to: "bad.yaml")
        #expect(reader.scan().newProblems.map(\.file) == ["bad.yaml"])
    }
}

@Test func fixedFileIsReadOnTheNextScan() throws {
    try withFolder { folder, reader in
        _ = try folder.write(badPortManifest, to: "hello.yaml")
        _ = reader.scan()
        _ = try folder.write(manifest(), to: "hello.yaml")
        let scan = reader.scan()
        #expect(scan.pods.map(\.metadata.name) == ["hello-node1"])
        #expect(scan.newProblems.isEmpty)
    }
}

@Test func badFileDoesNotStopTheOtherPods() throws {
    try withFolder { folder, reader in
        _ = try folder.write(badPortManifest, to: "bad.yaml")
        _ = try folder.write(manifest(), to: "good.yaml")
        #expect(reader.scan().pods.map(\.metadata.name) == ["hello-node1"])
    }
}

@Test func invalidPodIsReportedWithKubernetesFieldErrors() throws {
    try withFolder { folder, reader in
        _ = try folder.write(manifest(image: "\"\""), to: "hello.yaml")
        let scan = reader.scan()
        #expect(scan.pods.isEmpty)
        #expect(scan.newProblems.first?.message == "hello.yaml: pod \"hello\" is invalid: spec.containers[0].image: Required value")
    }
}

@Test func documentThatIsNotAPodIsRejected() throws {
    try withFolder { folder, reader in
        let deployment = manifest().replacingOccurrences(of: "kind: Pod", with: "kind: Deployment")
        _ = try folder.write(deployment, to: "deploy.yaml")
        let scan = reader.scan()
        #expect(scan.pods.isEmpty)
        #expect(scan.newProblems.first?.message == "deploy.yaml: document 1 is a Deployment, not a Pod; the kubelet runs pods only")
    }
}

@Test func everyDocumentOfAFileIsAPod() throws {
    try withFolder { folder, reader in
        _ = try folder.write(manifest(name: "one") + "\n---\n" + manifest(name: "two"), to: "both.yaml")
        let pods = reader.scan().pods
        #expect(pods.map(\.metadata.name) == ["one-node1", "two-node1"])
        #expect(Set(pods.map(\.metadata.uid)).count == 2)
    }
}

@Test func podDefinedByTwoFilesIsTakenFromTheFirstByName() throws {
    try withFolder { folder, reader in
        _ = try folder.write(manifest(image: "busybox:1.36"), to: "a.yaml")
        _ = try folder.write(manifest(image: "busybox:1.37"), to: "b.yaml")
        let scan = reader.scan()
        #expect(scan.pods.map(\.spec.containers[0].image) == ["busybox:1.36"])
        #expect(scan.newProblems.map(\.message) == ["pod default/hello-node1 is defined by more than one manifest; the first one is used"])
        #expect(reader.scan().newProblems.isEmpty)
    }
}

@Test func hiddenFilesAndOtherExtensionsAreIgnored() throws {
    try withFolder { folder, reader in
        _ = try folder.write(manifest(name: "hidden"), to: ".hidden.yaml")
        _ = try folder.write(manifest(name: "backup"), to: "pod.yaml.bak")
        _ = try folder.write(manifest(name: "notes"), to: "notes.txt")
        _ = try folder.write(manifest(name: "short"), to: "short.yml")
        _ = try folder.write(#"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"json"},"spec":{"containers":[{"name":"web","image":"busybox"}]}}"#, to: "json.json")
        let scan = reader.scan()
        #expect(scan.pods.map(\.metadata.name) == ["json-node1", "short-node1"])
        #expect(scan.newProblems.isEmpty)
    }
}

@Test func missingFolderIsReportedNotFatal() throws {
    let missing = FileManager.default.temporaryDirectory.appending(path: "missing-\(UUID().uuidString)")
    var reader = ManifestFolderReader(directory: missing, nodeName: "node1", source: "file")
    let scan = reader.scan()
    #expect(scan.pods.isEmpty)
    #expect(scan.newProblems.count == 1)
    #expect(scan.newProblems.first?.message.hasPrefix("cannot read the manifest folder") == true)
}

@Test func staticPodThatRefersToAConfigMapIsRefusedAsKubernetesRefusesIt() throws {
    try withFolder { folder, reader in
        _ = try folder.write(manifest(name: "configured") + """

                envFrom:
                - configMapRef: {name: settings}
            """, to: "configured.yaml")
        let scan = reader.scan()
        #expect(scan.pods.isEmpty)
        #expect(scan.newProblems.map(\.message) == ["configured.yaml: static pods may not reference configmaps"])
    }
}
