// Stage 1 · Kubelet tests: reading container logs, whole, tailed and followed.
//
// `kubectl logs --tail N` must count lines as a person does: a last line without a
// newline is still a line, and the final newline does not start an extra empty one.

import Foundation
import Testing
@testable import Kubelet

private func tail(_ text: String, _ lines: Int) -> String {
    String(decoding: ContainerLogs.tail(Array(text.utf8), lines: lines), as: UTF8.self)
}

@Test func tailKeepsTheLastLines() {
    #expect(tail("a\nb\nc\n", 2) == "b\nc\n")
}

@Test func tailCountsALastLineWithoutNewline() {
    #expect(tail("a\nb\nc", 2) == "b\nc")
    #expect(tail("a\nb\nc", 1) == "c")
}

@Test func tailOfZeroLinesIsEmpty() {
    #expect(tail("a\nb\n", 0) == "")
}

@Test func tailOfMoreLinesThanTheLogHasIsTheWholeLog() {
    #expect(tail("a\nb\n", 5) == "a\nb\n")
    #expect(tail("", 3) == "")
}

@Test func tailCountsEmptyLines() {
    #expect(tail("a\n\n\n", 2) == "\n\n")
}

@Test func readOfAMissingFileIsEmpty() {
    let (bytes, end) = ContainerLogs.read("/nonexistent/\(UUID().uuidString).log", tailLines: nil)
    #expect(bytes.isEmpty)
    #expect(end == 0)
}

@Test func followerReadsOnlyWhatWasAppendedAfterItsOffset() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let file = try folder.write("one\ntwo\n", to: "0.log")
    let (tailed, end) = ContainerLogs.read(file.path, tailLines: 1)
    #expect(String(decoding: tailed, as: UTF8.self) == "two\n")
    #expect(end == 8)
    let handle = try FileHandle(forWritingTo: file)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("three\n".utf8))
    try handle.close()
    let (appended, offset) = ContainerLogs.readNew(file.path, from: end)
    #expect(String(decoding: appended, as: UTF8.self) == "three\n")
    #expect(offset == 14)
    #expect(ContainerLogs.readNew(file.path, from: offset).bytes.isEmpty)
}
