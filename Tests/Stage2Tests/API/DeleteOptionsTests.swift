// DeleteOptions as kubectl and the Python client send them.

import API
import APIMachinery
import Testing

@Test func kubectlDeleteBodyDecodes() throws {
    let options = try decoded(DeleteOptions.self, #"{"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Background"}"#)
    #expect(options.propagationPolicy == .background)
    #expect(options.gracePeriodSeconds == nil)
}

@Test func forcedDeleteKeepsAZeroGracePeriod() throws {
    let options = try decoded(DeleteOptions.self, #"{"gracePeriodSeconds": 0, "preconditions": {"uid": "c1f2"}}"#)
    #expect(options.gracePeriodSeconds == 0)
    #expect(options.preconditions == Preconditions(uid: "c1f2"))
    // Decoded from a body without a type, it writes none back: only what was sent.
    #expect(try encodedValue(options) == jsonValue(#"{"gracePeriodSeconds": 0, "preconditions": {"uid": "c1f2"}}"#))
}

@Test func defaultDeleteOptionsWriteOnlyTheirType() throws {
    #expect(try encodedText(DeleteOptions()) == #"{"apiVersion":"v1","kind":"DeleteOptions"}"#)
}

@Test func unknownPropagationPolicyIsRejected() {
    #expect(throws: ManifestError.self) { _ = try decoded(DeleteOptions.self, #"{"propagationPolicy": "Later"}"#) }
}
