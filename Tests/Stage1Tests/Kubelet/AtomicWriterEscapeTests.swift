// Stage 1 · Kubelet tests: a volume's files are rewritten without following what a
// container left in the volume (issue 9, finding 4). The process runtime cannot make a
// configMap volume read-only, so a container may have pointed `..data` outside, or
// replaced a file by a link to one of the node's files.

import Foundation
import Testing
@testable import Kubelet

private func payload(_ text: String) -> [String: AtomicWriter.File] {
    ["app.conf": AtomicWriter.File(contents: Array(text.utf8), mode: 0o644)]
}

@Test func aDataLinkAContainerPointedOutsideIsNeitherFollowedNorRemoved() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let volume = directory.url.appending(path: "volume")
    let outside = directory.url.appending(path: "outside")
    try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    try Data("the node's".utf8).write(to: outside.appending(path: "app.conf"))
    let writer = AtomicWriter(directory: volume)
    try writer.write(payload("a=1\n"))

    // What a container could do: point `..data` at a directory of the node.
    try FileManager.default.removeItem(atPath: volume.appending(path: "..data").path)
    try FileManager.default.createSymbolicLink(atPath: volume.appending(path: "..data").path, withDestinationPath: "../outside")
    try writer.write(payload("a=2\n"))

    #expect(try String(contentsOf: outside.appending(path: "app.conf"), encoding: .utf8) == "the node's")
    #expect(try String(contentsOf: volume.appending(path: "app.conf"), encoding: .utf8) == "a=2\n")
    #expect(AtomicWriter.isPayloadName(try FileManager.default.destinationOfSymbolicLink(atPath: volume.appending(path: "..data").path)))
}

@Test func aPayloadFileReplacedByALinkIsRewrittenAndItsTargetLeftAlone() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let volume = directory.url.appending(path: "volume")
    let target = directory.url.appending(path: "node-file")
    try Data("a=1\n".utf8).write(to: target)
    let writer = AtomicWriter(directory: volume)
    try writer.write(payload("a=1\n"))

    // Same contents through a link: the writer must not believe it, nor write through it.
    let current = try FileManager.default.destinationOfSymbolicLink(atPath: volume.appending(path: "..data").path)
    let file = volume.appending(path: current).appending(path: "app.conf").path
    try FileManager.default.removeItem(atPath: file)
    try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: target.path)
    try writer.write(payload("a=1\n"))

    let fresh = try FileManager.default.destinationOfSymbolicLink(atPath: volume.appending(path: "..data").path)
    #expect(fresh != current, "the payload was rewritten, not compared through the link")
    let written = volume.appending(path: fresh).appending(path: "app.conf").path
    #expect((try FileManager.default.attributesOfItem(atPath: written)[.type] as? FileAttributeType) == .typeRegular)
    #expect(FileManager.default.fileExists(atPath: target.path))
}

@Test func aVisibleNameAContainerReplacedIsLinkedThroughDataAgain() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let volume = directory.url.appending(path: "volume")
    let writer = AtomicWriter(directory: volume)
    try writer.write(payload("a=1\n"))
    let visible = volume.appending(path: "app.conf").path
    try FileManager.default.removeItem(atPath: visible)
    try FileManager.default.createSymbolicLink(atPath: visible, withDestinationPath: "/etc/hostname")
    try writer.write(payload("a=2\n"))
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: visible) == "..data/app.conf")
}
