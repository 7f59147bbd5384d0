// Stage 1 · Kubelet: configMap, secret and downwardAPI volumes, written as files.
//
// These three volumes are not storage: they are the kubelet's way of handing a pod
// data as files. For each one the kubelet makes a directory under the pod's
// (`<root>/pods/<uid>/volumes/kubernetes.io~configmap/<volume>`, `…~secret/…`,
// `…~downward-api/…`), writes one file per key (or per listed item) with the volume's
// permission bits, and mounts the directory like an emptyDir.
//
// The files are written the way Kubernetes' `AtomicWriter` writes them, so that a
// program never reads half of an update: the payload goes into a fresh hidden directory
// (`..2024_05_01_10_00_00.123`), the symbolic link `..data` is switched to it in one
// rename, and each visible name is a link through `..data` (`app.conf → ..data/app.conf`).
// The kubelet rewrites a volume at each sync when its payload changed, so a changed
// ConfigMap reaches a running pod's files (not its environment, fixed at start).
//
// A missing ConfigMap or Secret, or a listed key it lacks, fails the volume unless it
// is `optional` (then: an empty folder, or no file for that key). The pod's containers
// then wait in `ContainerCreating`, with a `FailedMount` event in Kubernetes' words:
// `MountVolume.SetUp failed for volume "config" : configmap "settings" not found`.

import API
import Foundation

/// Writes the file-backed volumes of one pod.
struct VolumeFiles {
    let pod: Pod
    let downwardAPI: DownwardAPI
    let configObjects: any ConfigObjectManager
    /// `<root>/pods/<uid>/volumes`.
    let volumesDirectory: URL

    /// Where `volume`'s files live on the node, or nil if it is not a file-backed volume.
    static func directory(of volume: Volume, in volumesDirectory: URL) -> URL? {
        let plugin: String
        if volume.source.configMap != nil {
            plugin = "kubernetes.io~configmap"
        } else if volume.source.secret != nil {
            plugin = "kubernetes.io~secret"
        } else if volume.source.downwardAPI != nil {
            plugin = "kubernetes.io~downward-api"
        } else {
            return nil
        }
        return volumesDirectory.appending(path: "\(plugin)/\(volume.name)", directoryHint: .isDirectory)
    }

    /// Writes every file-backed volume; throws Kubernetes' FailedMount message for the first that fails.
    func writeAll() async throws {
        for volume in pod.spec.volumes {
            guard let directory = Self.directory(of: volume, in: volumesDirectory) else { continue }
            do {
                let files = try await payload(of: volume)
                try AtomicWriter(directory: directory).write(files)
            } catch {
                throw KubeletError("MountVolume.SetUp failed for volume \"\(volume.name)\" : \(error)")
            }
        }
    }

    /// The files of `volume`: relative path → contents and mode.
    func payload(of volume: Volume) async throws -> [String: AtomicWriter.File] {
        let source = volume.source
        if let configMap = source.configMap {
            guard let contents = try await configObjects.configMap(
                namespace: pod.metadata.namespace, name: configMap.name, optional: configMap.optional) else { return [:] }
            var values = contents.binaryData
            for (key, value) in contents.data { values[key] = Array(value.utf8) }
            return try project(values, items: configMap.items, defaultMode: configMap.defaultMode,
                               optional: configMap.optional == true, missingKey: "configmap references non-existent config key")
        }
        if let secret = source.secret {
            guard let data = try await configObjects.secret(
                namespace: pod.metadata.namespace, name: secret.secretName, optional: secret.optional) else { return [:] }
            return try project(data, items: secret.items, defaultMode: secret.defaultMode,
                               optional: secret.optional == true, missingKey: "references non-existent secret key")
        }
        var files: [String: AtomicWriter.File] = [:]
        let defaultMode = source.downwardAPI?.defaultMode ?? VolumeSource.defaultFileMode
        for item in source.downwardAPI?.items ?? [] {
            let value: String
            if let selector = item.fieldRef {
                value = try downwardAPI.value(of: selector)
            } else if let selector = item.resourceFieldRef {
                value = try downwardAPI.value(of: selector, for: Container())
            } else {
                continue
            }
            files[item.path] = AtomicWriter.File(contents: Array(value.utf8), mode: item.mode ?? defaultMode)
        }
        return files
    }

    /// Every key under its own name, or the listed items under their paths.
    private func project(
        _ values: [String: [UInt8]], items: [KeyToPath], defaultMode: Int32?, optional: Bool, missingKey: String
    ) throws -> [String: AtomicWriter.File] {
        let mode = defaultMode ?? VolumeSource.defaultFileMode
        guard !items.isEmpty else {
            return values.mapValues { AtomicWriter.File(contents: $0, mode: mode) }
        }
        var files: [String: AtomicWriter.File] = [:]
        for item in items {
            guard let value = values[item.key] else {
                if optional { continue }
                throw KubeletError("\(missingKey): \(item.key)")
            }
            files[item.path] = AtomicWriter.File(contents: value, mode: item.mode ?? mode)
        }
        return files
    }
}
