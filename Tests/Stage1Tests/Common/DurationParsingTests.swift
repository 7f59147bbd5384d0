// Stage 1 · Common tests: durations in Go's notation, as Kubernetes flags and messages use it.

import Testing
import Common

@Test(arguments: [
    ("1m30s", Duration.seconds(90)), ("250ms", .milliseconds(250)), ("2h", .seconds(7200)),
    ("0", .zero), ("10s", .seconds(10)), ("1.5s", .milliseconds(1500)), ("1h0m30s", .seconds(3630)),
    ("1500us", .microseconds(1500)), ("2µs", .microseconds(2)), ("7ns", .nanoseconds(7)), (".5m", .seconds(30)),
])
func durationIsReadInGoNotation(text: String, expected: Duration) {
    #expect(Duration(kubernetes: text) == expected)
}

@Test(arguments: ["", "10", "s", "1x", "abc", "1m30", "-", "1..5s", "1 s", "ms5", "99999999999999999999h"])
func textThatIsNotAGoDurationIsRejected(text: String) {
    #expect(Duration(kubernetes: text) == nil)
}

@Test(arguments: [
    (Duration.seconds(90), "1m30s"), (.milliseconds(250), "250ms"), (.seconds(7200), "2h0m0s"), (.zero, "0s"),
    (.seconds(300), "5m0s"), (.seconds(10), "10s"), (.milliseconds(1500), "1.5s"), (.seconds(3630), "1h0m30s"),
    (.milliseconds(90_500), "1m30.5s"), (.microseconds(1500), "1.5ms"), (.nanoseconds(42), "42ns"), (.seconds(-3), "-3s"),
])
func durationIsWrittenAsGoWritesIt(duration: Duration, expected: String) {
    #expect(duration.kubernetesDescription == expected)
}

@Test(arguments: ["1m30s", "250ms", "2h", "0", "5m", "1.25s", "36h"])
func writtenDurationReadsBackAsTheSameDuration(text: String) throws {
    let duration = try #require(Duration(kubernetes: text))
    #expect(Duration(kubernetes: duration.kubernetesDescription) == duration)
}

@Test func secondsIsTheDurationAsADouble() {
    #expect(Duration.milliseconds(1500).seconds == 1.5)
}
