// Stage 1 · Kubelet tests: a volume mount's subPath is made inside the volume, and a link a
// container planted cannot lead it out (issue 9, finding 4; Kubernetes' CVE-2017-1002101).

import Foundation
import Testing
@testable import Kubelet

@Test func aMissingSubPathIsMadeInsideTheVolume() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let volume = directory.url.appending(path: "volume").path
    try FileManager.default.createDirectory(atPath: volume, withIntermediateDirectories: true)
    let path = try SubPath.hostPath(of: "logs/web", in: volume, mountName: "data", container: "web")
    #expect(path.hasSuffix("/volume/logs/web"))
    var isDirectory: ObjCBool = false
    #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
}

@Test func aSubPathThroughALinkOutOfTheVolumeIsRefusedInKubernetesWords() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let volume = directory.url.appending(path: "volume").path
    let outside = directory.url.appending(path: "outside").path
    try FileManager.default.createDirectory(atPath: volume, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: volume + "/logs", withDestinationPath: outside)
    #expect {
        try SubPath.hostPath(of: "logs/web", in: volume, mountName: "data", container: "web")
    } throws: { error in
        "\(error)" == #"failed to create subPath directory for volumeMount "data" of container "web""#
    }
    #expect {
        try SubPath.hostPath(of: "logs", in: volume, mountName: "data", container: "web")
    } throws: { error in
        "\(error)" == #"failed to create subPath directory for volumeMount "data" of container "web""#
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
}

@Test func aSubPathToAConfigMapKeyFollowsTheVolumesOwnLinks() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let volume = directory.url.appending(path: "config")
    try AtomicWriter(directory: volume).write(["app.conf": AtomicWriter.File(contents: Array("a=1\n".utf8), mode: 0o644)])
    let path = try SubPath.hostPath(of: "app.conf", in: volume.path, mountName: "config", container: "web")
    #expect(path.contains("/config/..2"), "the mount points at the payload's file: \(path)")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "a=1\n")
}
