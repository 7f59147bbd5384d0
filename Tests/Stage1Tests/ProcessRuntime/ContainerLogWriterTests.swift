// Stage 1 · ProcessRuntime tests: a container's output is written as CRI log entries.

import Foundation
import Testing
@testable import ProcessRuntime
import CRI

@Test func eachLineIsACRIEntryWithItsTimeAndStream() async throws {
    try await withRuntime { runtime, _ in
        let id = try await startContainer(runtime, ["/bin/sh", "-c", "echo out; echo err >&2; printf 'no newline'"])
        let status = try await exitedStatus(runtime, id)
        let entries = try String(contentsOfFile: status.logPath, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(entries.count == 3, "\(entries)")
        for entry in entries {
            #expect(entry.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z (stdout|stderr) F .*/) != nil, "\(entry)")
        }
        #expect(entries.contains { $0.hasSuffix(" stdout F out") })
        #expect(entries.contains { $0.hasSuffix(" stderr F err") })
        #expect(entries.contains { $0.hasSuffix(" stdout F no newline") }, "a last line without a newline is a full entry")
    }
}

@Test func aLineLongerThanTheLimitIsSplitIntoPartialEntries() async throws {
    try await withRuntime { runtime, _ in
        let length = ProcessRuntime.Limits.logLineLimit + 10
        let id = try await startContainer(runtime, ["/bin/sh", "-c", "awk 'BEGIN { while (n++ < \(length)) printf \"x\"; print \"\" }'"])
        let status = try await exitedStatus(runtime, id)
        let entries = try String(contentsOfFile: status.logPath, encoding: .utf8).split(separator: "\n")
        #expect(entries.count == 2, "\(entries.map { $0.prefix(40) })")
        #expect(entries.first?.contains(" stdout P ") == true)
        #expect(entries.last?.hasSuffix(" stdout F " + String(repeating: "x", count: 10)) == true)
    }
}

@Test func timestampsAreUTCWithNineFractionalDigits() {
    #expect(ContainerLogWriter.timestamp(timespec(tv_sec: 1_475_713_029, tv_nsec: 669_794_202)) == "2016-10-06T00:17:09.669794202Z")
    #expect(ContainerLogWriter.timestamp(timespec(tv_sec: 0, tv_nsec: 5)) == "1970-01-01T00:00:00.000000005Z")
}
