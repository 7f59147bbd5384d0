// Tests of splitting a byte stream into lines, as watch events and logs are read.

import HTTP
@testable import HTTPClient
import Testing

private func lines(of pieces: [String]) async throws -> [String] {
    let stream = AsyncThrowingStream<[UInt8], Error> { continuation in
        for piece in pieces { continuation.yield(Array(piece.utf8)) }
        continuation.finish()
    }
    var result: [String] = []
    for try await line in HTTPClient.lines(of: stream) { result.append(line) }
    return result
}

@Test func linesAreJoinedAcrossPiecesAndSplitWithinThem() async throws {
    #expect(try await lines(of: ["{\"a\":", "1}\n{\"b\":2}\n{\"c\"", ":3}\n"]) == ["{\"a\":1}", "{\"b\":2}", "{\"c\":3}"])
}

@Test func linesLoseCarriageReturnsAndKeepEmptyLines() async throws {
    #expect(try await lines(of: ["one\r\n\r\ntwo\n"]) == ["one", "", "two"])
}

@Test func aLastLineWithoutALineFeedIsStillHandedOut() async throws {
    #expect(try await lines(of: ["done\npartial"]) == ["done", "partial"])
    #expect(try await lines(of: []) == [])
}
