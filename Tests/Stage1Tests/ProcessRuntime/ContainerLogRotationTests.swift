// Stage 1 · ProcessRuntime tests: a container's log is rotated at its size, and only so many files are kept.
//
// A container that prints without end must not fill the disk: its log is renamed
// `<log>.<YYYYMMDD-HHMMSS>` when the next entry would take it past `maxSize`, and the
// oldest rotated files go, so that `maxFiles` remain, the current one included. What is
// kept is always the newest output, whole entries, in order.

import Foundation
import Synchronization
import Testing
@testable import ProcessRuntime
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A clock that reads a second later every time, or always the same second.
private final class FakeClock: Sendable {
    let seconds = Atomic<Int>(1_764_604_800)
    let ticks: Bool
    init(ticks: Bool) { self.ticks = ticks }
    func now() -> timespec {
        timespec(tv_sec: ticks ? seconds.add(1, ordering: .relaxed).newValue : seconds.load(ordering: .relaxed), tv_nsec: 0)
    }
}

/// The log's files, oldest first: the rotated ones, then the current one.
private func files(of path: String) throws -> [String] {
    RotatingLogFile.rotatedFiles(of: path) + [path]
}

private func contents(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
}

@Test func aLogIsRotatedBeforeAnEntryWouldTakeItPastItsSize() throws {
    let directory = try makeTemporaryDirectory("rotation")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/0.log"
    let clock = FakeClock(ticks: true)
    let log = try RotatingLogFile(path: path, rotation: ContainerLogRotation(maxSize: 100, maxFiles: 3), now: clock.now)
    let entries = (0..<40).map { String(format: "entry %03d, thirty bytes long.\n", $0) }
    #expect(entries.allSatisfy { $0.utf8.count == 30 })
    for entry in entries { log.append(Array(entry.utf8)) }
    log.finish()
    let kept = try files(of: path)
    #expect(kept.count == 3, "\(kept)")
    #expect(try kept.allSatisfy { try contents($0).utf8.count <= 100 && contents($0).hasSuffix("\n") })
    // Three entries a file: the last seven entries, whole and in order.
    #expect(try kept.map(contents).joined() == entries.suffix(7).joined())
    #expect(kept.dropLast().allSatisfy { $0.wholeMatch(of: /.*\/0\.log\.\d{8}-\d{6}/) != nil }, "\(kept)")
}

@Test func rotationsWithinOneSecondAreNumberedAndKeptInOrder() throws {
    let directory = try makeTemporaryDirectory("rotation")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/0.log"
    let log = try RotatingLogFile(path: path, rotation: ContainerLogRotation(maxSize: 10, maxFiles: 4), now: FakeClock(ticks: false).now)
    let entries = (0..<30).map { "line \(String(format: "%02d", $0))\n" }
    for entry in entries { log.append(Array(entry.utf8)) }
    log.finish()
    let kept = try files(of: path)
    #expect(kept.count == 4)
    #expect(kept.dropLast().map { $0.split(separator: ".").last.map(String.init) ?? "" } == ["26", "27", "28"], "\(kept)")
    #expect(try kept.map(contents).joined() == entries.suffix(4).joined())
}

@Test func aLogWithNoMaximumSizeIsNeverRotated() throws {
    let directory = try makeTemporaryDirectory("rotation")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/0.log"
    let log = try RotatingLogFile(path: path, rotation: ContainerLogRotation(maxSize: 0, maxFiles: 2))
    for _ in 0..<100 { log.append(Array("a line\n".utf8)) }
    log.finish()
    #expect(RotatingLogFile.rotatedFiles(of: path).isEmpty)
    #expect(try contents(path).utf8.count == 700)
}

@Test func aContainerThatPrintsALotKeepsOnlyItsNewestOutput() async throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let runtime = try ProcessRuntime(root: root, logRotation: ContainerLogRotation(maxSize: 8 * 1024, maxFiles: 3), logger: .silent)
    let id = try await startContainer(runtime, ["/bin/sh", "-c", "i=0; while [ $i -lt 4000 ]; do echo line $i; i=$((i+1)); done"])
    let status = try await exitedStatus(runtime, id)
    await runtime.stopAll(timeout: .zero)
    let kept = try files(of: status.logPath)
    #expect(kept.count == 3, "\(kept)")
    #expect(try kept.allSatisfy { try contents($0).utf8.count <= 8 * 1024 })
    let lines = try kept.map(contents).joined().split(separator: "\n").map { $0.split(separator: " ").last.map(String.init) ?? "" }
    let numbers = lines.compactMap(Int.init)
    #expect(numbers.count == lines.count)
    #expect(numbers.last == 3999)
    #expect(numbers == Array((numbers.first ?? 0)...3999), "the kept lines are the newest, none missing")
}
