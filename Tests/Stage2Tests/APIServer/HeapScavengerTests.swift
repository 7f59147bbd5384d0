// Stage 2 · APIServer tests: the heap scavenger finds glibc's malloc_trim and stops when told.
//
// What it gives back is a figure for `bench memory` (RSS after large requests), not a test.

@testable import APIServer
import Testing

@Suite struct HeapScavengerTests {
    @Test func theScavengerFindsMallocTrimWhereGlibcIsTheAllocator() {
        #if canImport(Glibc)
        #expect(HeapScavenger.mallocTrim() != nil)
        #else
        #expect(HeapScavenger.mallocTrim() == nil)
        #endif
    }

    @Test func theScavengerStopsWhenCancelled() async {
        let scavenging = Task { await HeapScavenger(period: .milliseconds(1)).run() }
        scavenging.cancel()
        await scavenging.value
    }
}
