// Stage 1 · Kubelet: static pods, read from a folder of manifests.
//
// This is the kubelet's "file" source (Kubernetes' `pkg/kubelet/config/file.go`). Every
// few seconds it reads each `*.yaml`, `*.yml` and `*.json` file in the folder, decodes
// the pods in it, and reports the whole set. Dropping a file in starts a pod; deleting
// it stops the pod; editing it replaces the pod.
//
// Each static pod is made unique to this node the way Kubernetes does it:
//   - its name gets the node's name appended (`hello` on node `node1` is `hello-node1`),
//   - its uid is a hash of the manifest and the node name, so an edited manifest is a
//     *new* pod (new uid) and the old one is stopped,
//   - its annotations record the source, the hash and when it was seen.
//
// A file that cannot be read or decoded is reported once (until it changes) and left
// out; it never stops the kubelet or the other pods.

import API
import Common
import Foundation
import Manifests
import YAML

/// Reads static pods from a folder of manifest files, again and again.
public struct FileSource: PodSource {
    public let name = "file"
    public let directory: URL
    /// The node whose name is appended to every pod's name.
    public let nodeName: String
    /// How often the folder is read again.
    public let checkFrequency: Duration
    private let logger: Logger

    /// Makes a source reading `directory` every `checkFrequency`.
    public init(directory: URL, nodeName: String, checkFrequency: Duration, logger: Logger) {
        self.directory = directory
        self.nodeName = nodeName
        self.checkFrequency = checkFrequency
        self.logger = logger
    }

    public func run(deliver: @escaping @Sendable (PodSourceUpdate) async -> Void) async throws {
        var reader = ManifestFolderReader(directory: directory, nodeName: nodeName, source: name)
        var lastDelivered: [String]?
        while !Task.isCancelled {
            let scan = reader.scan()
            for problem in scan.newProblems {
                logger.warning("could not read manifest", ["file": problem.file, "error": problem.message])
            }
            // Deliver only when the set changed: the pod workers need no news otherwise.
            let uids = scan.pods.map(\.metadata.uid)
            if uids != lastDelivered {
                lastDelivered = uids
                await deliver(PodSourceUpdate(source: name, pods: scan.pods))
            }
            try await Task.sleep(for: checkFrequency)
        }
    }
}

/// One pass over the manifest folder: the pods found, and the problems not yet reported.
struct ManifestFolderScan {
    var pods: [Pod]
    var newProblems: [(file: String, message: String)]
}

/// Reads a manifest folder into static pods, remembering which problems it already reported.
struct ManifestFolderReader {
    let directory: URL
    let nodeName: String
    let source: String
    /// The last problem reported per file, so a bad file is reported once, not every scan.
    private var reportedProblems: [String: String] = [:]
    /// When each pod (by uid) was first seen, for the `config.seen` annotation.
    private var firstSeen: [String: Time] = [:]

    init(directory: URL, nodeName: String, source: String) {
        self.directory = directory
        self.nodeName = nodeName
        self.source = source
    }

    /// The file names that hold manifests, sorted, so pods come out in a stable order.
    static func isManifest(_ name: String) -> Bool {
        !name.hasPrefix(".") && [".yaml", ".yml", ".json"].contains { name.hasSuffix($0) }
    }

    mutating func scan() -> ManifestFolderScan {
        var pods: [Pod] = []
        var problems: [String: String] = [:]
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter(Self.isManifest).sorted()
        } catch {
            problems[directory.path] = "cannot read the manifest folder: \(error.localizedDescription)"
            names = []
        }
        for name in names {
            let file = directory.appending(path: name)
            do {
                pods += try readPods(from: file, displayName: name)
            } catch {
                problems[name] = "\(error)"
            }
        }
        // Two files must not claim the same pod: the first (by file name) wins.
        var seenNames = Set<String>()
        pods = pods.filter { pod in
            let key = "\(pod.metadata.namespace)/\(pod.metadata.name)"
            if seenNames.insert(key).inserted { return true }
            problems["\(pod.metadata.name)"] = "pod \(key) is defined by more than one manifest; the first one is used"
            return false
        }
        let newProblems = problems.filter { reportedProblems[$0.key] != $0.value }
            .sorted { $0.key < $1.key }.map { (file: $0.key, message: $0.value) }
        reportedProblems = problems
        let liveUIDs = Set(pods.map(\.metadata.uid))
        firstSeen = firstSeen.filter { liveUIDs.contains($0.key) }
        return ManifestFolderScan(pods: pods, newProblems: newProblems)
    }

    /// Decodes, validates and names the pods of one manifest file.
    private mutating func readPods(from file: URL, displayName: String) throws -> [Pod] {
        let data = try Data(contentsOf: file)
        guard data.count <= KubeletConfiguration.Defaults.maximumManifestBytes else {
            throw ManifestFolderError("\(displayName): the file is larger than \(KubeletConfiguration.Defaults.maximumManifestBytes) bytes")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ManifestFolderError("\(displayName): the file is not UTF-8 text")
        }
        let pods = try Manifest.decodeDocuments(Pod.self, yaml: text, file: displayName)
        return try pods.enumerated().map { index, pod in
            guard pod.kind == "Pod" else {
                throw ManifestFolderError("\(displayName): document \(index + 1) is a \(pod.kind.isEmpty ? "document without kind" : pod.kind), not a Pod; the kubelet runs pods only")
            }
            let staticPod = makeStaticPod(pod, manifestText: text, index: index)
            let errors = PodValidation.validate(staticPod)
            guard errors.isEmpty else {
                throw ManifestFolderError("\(displayName): pod \"\(pod.metadata.name)\" is invalid: "
                    + errors.map(\.description).joined(separator: "; "))
            }
            if let resource = staticPod.apiObjectReference {
                throw ManifestFolderError("\(displayName): static pods may not reference \(resource)")
            }
            return staticPod
        }
    }

    /// Turns a decoded manifest into this node's static pod, as Kubernetes' `applyDefaults` does.
    private mutating func makeStaticPod(_ manifest: Pod, manifestText: String, index: Int) -> Pod {
        var pod = manifest
        pod.applyDefaults()
        let uid = Self.contentHash("\(nodeName)\n\(index)\n\(manifestText)")
        pod.metadata.uid = uid
        pod.metadata.name = "\(manifest.metadata.name)-\(nodeName.lowercased())"
        if pod.metadata.namespace.isEmpty { pod.metadata.namespace = "default" }
        pod.spec.nodeName = nodeName
        let seen = firstSeen[uid] ?? Time.now()
        firstSeen[uid] = seen
        pod.metadata.creationTimestamp = seen
        pod.metadata.annotations[ConfigAnnotation.source] = source
        pod.metadata.annotations[ConfigAnnotation.hash] = uid
        pod.metadata.annotations[ConfigAnnotation.seen] = seen.description
        return pod
    }

    /// A 128-bit FNV-1a hash as 32 hex digits: stable, so a kubelet restart finds the same uids.
    ///
    /// Kubernetes uses an MD5 of the pod object; any stable hash of the manifest does the job.
    static func contentHash(_ text: String) -> String {
        var low: UInt64 = 0xcbf2_9ce4_8422_2325
        var high: UInt64 = 0x6c62_272e_07bb_0142
        for byte in text.utf8 {
            low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            high = (high ^ UInt64(byte) ^ (low >> 32)) &* 0x0000_0100_0000_01b3
        }
        return String(format: "%016llx%016llx", high, low)
    }
}

/// A manifest that was read but cannot become a static pod.
struct ManifestFolderError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
