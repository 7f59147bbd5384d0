// Stage 1 · Kubelet tests: reading container logs, whole, tailed and followed, a piece at a time.
//
// `kubectl logs --tail N` must count lines as a person does: a last line without a
// newline is still a line, and the final newline does not start an extra empty one. And
// however big the log, the kubelet reads a piece at a time: the tail from the end, the
// whole log in pieces that end at a line's end, and a followed log on into the new file
// when the runtime rotates it.

import Foundation
import Synchronization
import Testing
@testable import Kubelet

/// The last `lines` lines of `text`, found backwards in pieces of `chunk` bytes.
private func tail(_ text: String, _ lines: Int, chunk: Int = 3) throws -> String {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let file = try #require(ContainerLogFile(path: try folder.write(text, to: "0.log").path))
    let start = file.startOfLastLines(lines, before: file.size, chunk: chunk)
    return String(decoding: file.read(at: start, count: Int(file.size - start)), as: UTF8.self)
}

/// Appends `text` to the file at `url`.
private func append(_ text: String, to url: URL) throws {
    let handle = try FileHandle(forWritingTo: url)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(text.utf8))
    try handle.close()
}

private func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

@Test func tailKeepsTheLastLines() throws {
    #expect(try tail("a\nb\nc\n", 2) == "b\nc\n")
    #expect(try tail("one\ntwo\nthree\n", 2, chunk: 64) == "two\nthree\n")
}

@Test func tailCountsALastLineWithoutNewline() throws {
    #expect(try tail("a\nb\nc", 2) == "b\nc")
    #expect(try tail("a\nb\nc", 1) == "c")
}

@Test func tailOfZeroLinesIsEmpty() throws {
    #expect(try tail("a\nb\n", 0) == "")
}

@Test func tailOfMoreLinesThanTheLogHasIsTheWholeLog() throws {
    #expect(try tail("a\nb\n", 5) == "a\nb\n")
    #expect(try tail("", 3) == "")
}

@Test func tailCountsEmptyLines() throws {
    #expect(try tail("a\n\n\n", 2) == "\n\n")
}

@Test func aMissingLogFileCannotBeOpened() {
    #expect(ContainerLogFile(path: "/nonexistent/\(UUID().uuidString).log") == nil)
}

@Test func aLogOfManyMegabytesIsTailedWithoutReadingItAll() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let line = "2026-12-01T17:00:00.000000000Z stdout F " + String(repeating: "x", count: 60) + "\n"
    let url = try folder.write(String(repeating: line, count: 8 * 1024 * 1024 / line.utf8.count) + "the last line\n", to: "0.log")
    let file = try #require(ContainerLogFile(path: url.path))
    let chunk = 64 * 1024
    let start = file.startOfLastLines(1, before: file.size, chunk: chunk)
    #expect(string(file.read(at: start, count: chunk)) == "the last line\n")
    #expect(file.bytesRead.load(ordering: .relaxed) <= 2 * chunk, "read \(file.bytesRead.load(ordering: .relaxed)) bytes of \(file.size)")
}

@Test func aWholeLogIsReadInPiecesThatEndAtALinesEnd() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let lines = (0..<20_000).map { "line \($0)\n" }.joined()
    let url = try folder.write(lines + "unfinished", to: "0.log")
    let file = try #require(ContainerLogFile(path: url.path))
    var cursor = ContainerLogCursor(file: file, offset: 0, end: file.size, chunk: 4096)
    var pieces: [[UInt8]] = []
    while case let piece = cursor.next(), !piece.isEmpty { pieces.append(piece) }
    #expect(pieces.count > 20)
    #expect(pieces.allSatisfy { $0.count <= 4096 + 16 && $0.last == 0x0A })
    #expect(pieces.map(string).joined() == lines)
    #expect(string(cursor.finish()) == "unfinished")
}

@Test func aWholeLogStopsAtTheSizeItHadWhenAsked() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let url = try folder.write("one\n", to: "0.log")
    let file = try #require(ContainerLogFile(path: url.path))
    var cursor = ContainerLogCursor(file: file, offset: 0, end: file.size)
    try append("two\n", to: url)
    #expect(string(cursor.next()) == "one\n")
    #expect(cursor.next().isEmpty)
}

@Test func aFollowerReadsOnlyWhatWasAppendedAndWaitsForALinesEnd() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let url = try folder.write("one\ntwo\n", to: "0.log")
    let file = try #require(ContainerLogFile(path: url.path))
    var cursor = ContainerLogCursor(file: file, offset: file.startOfLastLines(1, before: file.size, chunk: 64))
    #expect(string(cursor.next()) == "two\n")
    try append("thr", to: url)
    #expect(cursor.next().isEmpty)
    try append("ee\n", to: url)
    #expect(string(cursor.next()) == "three\n")
    #expect(cursor.next().isEmpty)
    let isRotated = cursor.followRotation()
    #expect(!isRotated)
}

@Test func aFollowerGoesOnInTheNewFileAfterARotationWithoutLosingALine() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let url = try folder.write("one\n", to: "0.log")
    let file = try #require(ContainerLogFile(path: url.path))
    var cursor = ContainerLogCursor(file: file, offset: 0)
    #expect(string(cursor.next()) == "one\n")
    #expect(cursor.next().isEmpty)
    // The runtime writes a last entry to the old file, renames it, and starts a new one.
    try append("two\n", to: url)
    try FileManager.default.moveItem(at: url, to: folder.url.appending(path: "0.log.20261201-170000"))
    _ = try folder.write("three\n", to: "0.log")
    var seen = ""
    for _ in 0..<4 {
        seen += string(cursor.next())
        if !cursor.followRotation() { break }
    }
    seen += string(cursor.next())
    #expect(seen == "two\nthree\n")
    let isRotated = cursor.followRotation()
    #expect(!isRotated)
}
