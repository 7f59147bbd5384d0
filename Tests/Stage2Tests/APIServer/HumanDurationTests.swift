import APIServer
import Testing

@Suite struct HumanDurationTests {
    /// Seconds ago, and what the AGE column shows, from apimachinery's own table.
    static let cases: [(seconds: Int64, text: String)] = [
        (-5, "<invalid>"), (-1, "0s"), (0, "0s"), (45, "45s"), (119, "119s"), (120, "2m"),
        (125, "2m5s"), (600, "10m"), (10_799, "179m"), (10_800, "3h"), (10_860, "3h1m"),
        (36_000, "10h"), (172_800, "2d"), (187_200, "2d4h"), (864_000, "10d"),
        (63_072_000, "2y"), (63_331_200, "2y3d"), (283_824_000, "9y"),
    ]

    @Test func agesReadAsKubectlPrintsThem() {
        for (seconds, text) in Self.cases {
            #expect(HumanDuration.format(seconds: seconds) == text, "\(seconds)s")
        }
    }
}
