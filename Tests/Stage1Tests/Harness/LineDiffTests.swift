// Stage 1 · Test harness: tests of the line diff shown for mismatching cells.

@testable import TestSupport
import Testing

@Suite struct LineDiffTests {
    @Test func showsRemovedThenAddedLinesAroundCommonOnes() {
        let diff = LineDiff.unified(expected: "a\nb\nc", actual: "a\nB\nc\nd")
        #expect(diff == " a\n-b\n+B\n c\n+d")
    }
}
