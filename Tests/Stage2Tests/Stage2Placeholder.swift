import Testing
@Test func stage2TestTargetBuilds() { #expect(Bool(true)) }
