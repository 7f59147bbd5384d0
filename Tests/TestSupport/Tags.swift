// Stage 1 · Test harness: the tags that sort the suite into a fast loop and the rest.
//
// An end-to-end test starts a stage's binary (`stage1`, `stage2 up`), often with a
// notebook or a real client around it, and takes seconds where a unit test takes
// milliseconds. Every such suite carries `.tags(.endToEnd)` for readers and tooling,
// and has `EndToEnd` in its type's name, because `swift test --skip` matches test
// identifiers (`Module.Type/test()`) by regular expression, not tags:
//
//     swift test --skip EndToEnd      # the fast loop: no stage binary starts
//     swift test --filter EndToEnd    # only the end-to-end suites

import Testing

extension Tag {
    /// Tests that start a stage binary: the acceptance suites, the notebooks, real clients.
    @Tag static var endToEnd: Self
}
