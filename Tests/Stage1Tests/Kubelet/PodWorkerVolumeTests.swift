// Stage 1 · Kubelet tests: a pod's emptyDir is made as Kubernetes makes it, and removed
// without following what a container left in it (issue 9, findings 4 and 10).

@testable import TestSupport
import API
import Foundation
import Synchronization
import Testing
@testable import Kubelet

private func podWithEmptyDir() -> Pod {
    var pod = PodWorkerFixture.pod()
    pod.spec.volumes = [Volume(name: "shared", source: VolumeSource(emptyDir: EmptyDirVolumeSource()))]
    return pod
}

@Test func anEmptyDirIsWritableByWhateverUserThePodRunsAs() async throws {
    let pod = podWithEmptyDir()
    let runtime = ScriptedRuntime(["web": [.runs]])
    try await withPodWorker(pod, runtime) { worker, statuses in
        try await eventually("web to run") { await statuses.containerStatus("web", of: pod)?.state.running != nil }
        let path = await worker.emptyDirPath("shared").path
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o777)
    }
}

@Test func removingAPodLeavesAloneWhatALinkInItsEmptyDirPointsTo() async throws {
    let pod = podWithEmptyDir()
    let outside = try TemporaryDirectory()
    defer { outside.remove() }
    let kept = outside.url.appending(path: "kept")
    try Data("the node's".utf8).write(to: kept)
    let runtime = ScriptedRuntime(["web": [.runs]])
    let emptyDir = Mutex<String?>(nil)
    try await withPodWorker(pod, runtime) { worker, statuses in
        try await eventually("web to run") { await statuses.containerStatus("web", of: pod)?.state.running != nil }
        let path = await worker.emptyDirPath("shared").path
        // What a container could leave behind: links to the node's files and folders.
        try FileManager.default.createSymbolicLink(atPath: path + "/folder", withDestinationPath: outside.url.path)
        try FileManager.default.createSymbolicLink(atPath: path + "/file", withDestinationPath: kept.path)
        emptyDir.withLock { $0 = path }
    }
    let removed = try #require(emptyDir.withLock { $0 })
    #expect(!FileManager.default.fileExists(atPath: removed), "the pod's volumes are removed")
    #expect(try String(contentsOf: kept, encoding: .utf8) == "the node's")
}
