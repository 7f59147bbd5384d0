// Stage 1 · Kubelet tests: configMap, secret and downwardAPI volumes as files.
//
// One file per key (or per listed item, with its mode), written through `..data` as
// Kubernetes' AtomicWriter does, rewritten when the ConfigMap changes; a missing object
// is Kubernetes' FailedMount message unless the volume is optional.

import API
import Foundation
import Testing
@testable import Kubelet

private func files(_ volumes: [Volume], _ objects: any ConfigObjectManager, root: URL) -> VolumeFiles {
    var pod = Pod(metadata: ObjectMeta(name: "web", namespace: "shop", uid: "uid-1", labels: ["app": "shop", "tier": "front"]))
    pod.spec.volumes = volumes
    pod.spec.applyDefaults()
    return VolumeFiles(pod: pod, downwardAPI: DownwardAPI(pod: pod, hostIP: "10.0.0.5", podIP: "10.0.0.5"),
                       configObjects: objects, volumesDirectory: root)
}

private func text(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

@Test func configMapVolumeHasOneFilePerKeyThroughDataLink() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let objects = FakeConfigObjects(configMaps: ["settings": ["mode": "fast", "app.conf": "a=1\n"]])
    let volume = Volume(name: "config", source: VolumeSource(configMap: ConfigMapVolumeSource(name: "settings")))
    try await files([volume], objects, root: directory.url).writeAll()

    let folder = directory.url.appending(path: "kubernetes.io~configmap/config")
    #expect(text(folder.appending(path: "mode")) == "fast" && text(folder.appending(path: "app.conf")) == "a=1\n")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.appending(path: "mode").path) == "..data/mode")
    let mode = try FileManager.default.attributesOfItem(atPath: folder.appending(path: "mode").resolvingSymlinksInPath().path)[.posixPermissions] as? Int
    #expect(mode == 0o644)

    await objects.add(configMap: "settings", ["mode": "slow"])
    try await files([volume], objects, root: directory.url).writeAll()
    #expect(text(folder.appending(path: "mode")) == "slow")
    #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "app.conf").path))
    let hidden = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("..2") }
    #expect(hidden.count == 1, "the old payload is removed: \(hidden)")
}

@Test func itemsPickKeysAndModesAndMissingOnesFailAsInKubernetes() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let objects = FakeConfigObjects(configMaps: ["settings": ["mode": "fast"]], secrets: ["creds": ["password": "s3cr3t"]])
    let secret = Volume(name: "creds", source: VolumeSource(secret: SecretVolumeSource(
        secretName: "creds", items: [KeyToPath(key: "password", path: "db/password", mode: 0o400)])))
    try await files([secret], objects, root: directory.url).writeAll()
    let password = directory.url.appending(path: "kubernetes.io~secret/creds/db/password")
    #expect(text(password) == "s3cr3t")
    #expect(try FileManager.default.attributesOfItem(atPath: password.resolvingSymlinksInPath().path)[.posixPermissions] as? Int == 0o400)

    func failure(_ volume: Volume) async -> String? {
        do { try await files([volume], objects, root: directory.url).writeAll(); return nil } catch { return "\(error)" }
    }
    #expect(await failure(Volume(name: "config", source: VolumeSource(configMap: ConfigMapVolumeSource(name: "other"))))
        == #"MountVolume.SetUp failed for volume "config" : configmap "other" not found"#)
    #expect(await failure(Volume(name: "config", source: VolumeSource(configMap: ConfigMapVolumeSource(
        name: "settings", items: [KeyToPath(key: "size", path: "size")]))))
        == #"MountVolume.SetUp failed for volume "config" : configmap references non-existent config key: size"#)
    #expect(await failure(Volume(name: "opt", source: VolumeSource(configMap: ConfigMapVolumeSource(name: "other", optional: true)))) == nil)
    #expect(FileManager.default.fileExists(atPath: directory.url.appending(path: "kubernetes.io~configmap/opt").path))
}

@Test func downwardAPIVolumeWritesThePodsFields() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let volume = Volume(name: "podinfo", source: VolumeSource(downwardAPI: DownwardAPIVolumeSource(items: [
        DownwardAPIVolumeFile(path: "labels", fieldRef: ObjectFieldSelector(fieldPath: "metadata.labels")),
        DownwardAPIVolumeFile(path: "name", fieldRef: ObjectFieldSelector(fieldPath: "metadata.name")),
    ])))
    try await files([volume], StandaloneConfigObjects(), root: directory.url).writeAll()
    let folder = directory.url.appending(path: "kubernetes.io~downward-api/podinfo")
    #expect(text(folder.appending(path: "labels")) == "app=\"shop\"\ntier=\"front\"")
    #expect(text(folder.appending(path: "name")) == "web")
}
