// Stage 3 · Informers tests: the reflector's back-off, as a pure value.

import Informers
import Testing

@Suite struct BackoffTests {
    @Test func eachFailureInARowWaitsTwiceAsLongUpToTheCap() {
        var backoff = Backoff(initial: .seconds(1), cap: .seconds(5), resetAfter: .seconds(60))
        let waits = (0..<5).map { backoff.delay(at: .seconds($0)) }
        #expect(waits == [.seconds(1), .seconds(2), .seconds(4), .seconds(5), .seconds(5)])
    }

    @Test func aQuietSpellStartsAgainFromTheFirstWait() {
        var backoff = Backoff(initial: .seconds(1), cap: .seconds(5), resetAfter: .seconds(60))
        _ = backoff.delay(at: .seconds(0))
        _ = backoff.delay(at: .seconds(1))
        #expect(backoff.delay(at: .seconds(100)) == .seconds(1))
    }

    @Test func jitterAddsUpToItsFractionOfTheWait() {
        var backoff = Backoff.reflector
        for step in 0..<20 {
            let wait = backoff.delay(at: .seconds(step))
            #expect(wait >= .milliseconds(800) && wait < .seconds(60))
        }
        #expect(Backoff.reflector.initial == .milliseconds(800) && Backoff.reflector.cap == .seconds(30))
    }
}
