// Stage 2 · Storage tests: the checksum and the record encoding, byte for byte.

import Foundation
import Testing
@testable import Storage

@Suite struct StorageEncodingTests {
    @Test func crc32cMatchesTheStandardCheckValue() {
        // The check value of CRC-32C over "123456789" (RFC 3720, iSCSI).
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    }

    @Test(arguments: [
        LogRecord.change(.put(StoredValue(key: "/registry/pods/default/web", value: Data("{\"kind\":\"Pod\"}"), createRevision: 2, modRevision: 9, version: 4))),
        LogRecord.change(.put(StoredValue(key: "/empty-value", value: Data(), createRevision: 3, modRevision: 3, version: 1))),
        LogRecord.change(.delete(key: "/registry/nodes/n1", revision: 12)),
        LogRecord.snapshotEnd(revision: 12, entryCount: 7),
        LogRecord.logStart(firstRevision: 13),
    ])
    func everyRecordReadsBackAsWritten(record: LogRecord) throws {
        let frame = RecordFrame.seal(record)
        guard case .intact(let decoded, let next) = RecordFrame.read(frame, at: 0) else {
            Issue.record("the frame did not read back intact")
            return
        }
        #expect(decoded == record)
        #expect(next == frame.count)
    }

    @Test func aFlippedLengthBitIsCaught() {
        var frame = RecordFrame.seal(.change(.delete(key: "/k", revision: 2)))
        frame[0] ^= 0x01
        guard case .damaged = RecordFrame.read(frame + [0], at: 0) else {
            Issue.record("a damaged length was accepted")
            return
        }
    }
}
