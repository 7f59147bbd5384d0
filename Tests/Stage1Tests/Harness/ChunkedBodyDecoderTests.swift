// Stage 1 · Test harness: tests of the chunked-coding state machine, without I/O.

@testable import TestSupport
import Testing

@Suite struct ChunkedBodyDecoderTests {
    @Test func decodesChunksSplitAtEveryPossibleByte() throws {
        let wire = Array("4\r\nWiki\r\n6;ext=1\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\nTrailer: x\r\n\r\n".utf8)
        var decoder = ChunkedBodyDecoder()
        var body: [UInt8] = []
        for byte in wire { body += try decoder.feed([byte]) }
        #expect(String(decoding: body, as: UTF8.self) == "Wikipedia in \r\n\r\nchunks.")
        #expect(decoder.isComplete)
    }

    @Test func rejectsAMalformedSizeLine() {
        var decoder = ChunkedBodyDecoder()
        #expect(throws: HarnessError.self) { try decoder.feed(Array("zz\r\n".utf8)) }
    }

    @Test func isIncompleteUntilTheLastChunk() throws {
        var decoder = ChunkedBodyDecoder()
        let body = try decoder.feed(Array("3\r\nabc\r\n".utf8))
        #expect(body == Array("abc".utf8))
        #expect(!decoder.isComplete)
    }
}
