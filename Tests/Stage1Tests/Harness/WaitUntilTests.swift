// Stage 1 · Test harness: tests of `waitUntil` and `eventually`.

@testable import TestSupport
import Synchronization
import Testing

@Suite struct WaitUntilTests {
    @Test func waitUntilReturnsTheFirstValueTheProbeProduces() async throws {
        let calls = Mutex(0)
        let value = try await waitUntil("the third call", timeout: WaitPolicy.defaultTimeout) { () -> String? in
            let count = calls.withLock { $0 += 1; return $0 }
            return count >= 3 ? "ready after \(count)" : nil
        }
        #expect(value == "ready after 3")
    }

    @Test func eventuallyThrowsATimeoutNamingWhatItAwaited() async throws {
        let error = await #expect(throws: WaitTimeout.self) {
            try await eventually("the sun to rise in the west", timeout: .milliseconds(100)) { false }
        }
        #expect(error?.description.contains("the sun to rise in the west") == true)
    }

    @Test func waitUntilStopsAtOnceWhenTheProbeThrows() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        await #expect(throws: HarnessError.self) {
            try await eventually(timeout: .seconds(120)) { throw HarnessError("pointless to wait") }
        }
        // Well short of the deadline, with room for a loaded machine's scheduling delays.
        #expect(clock.now - start < .seconds(60))
    }
}
