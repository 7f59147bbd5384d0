// JSON merge patch: the test table of RFC 7386, Appendix A.

import API
import APIMachinery
import Testing

/// (original, patch, result) rows of RFC 7386's Appendix A.
let rfc7386Examples: [(String, String, String)] = [
    (#"{"a":"b"}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
    (#"{"a":"b"}"#, #"{"b":"c"}"#, #"{"a":"b","b":"c"}"#),
    (#"{"a":"b"}"#, #"{"a":null}"#, #"{}"#),
    (#"{"a":"b","b":"c"}"#, #"{"a":null}"#, #"{"b":"c"}"#),
    (#"{"a":["b"]}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
    (#"{"a":"c"}"#, #"{"a":["b"]}"#, #"{"a":["b"]}"#),
    (#"{"a":{"b":"c"}}"#, #"{"a":{"b":"d","c":null}}"#, #"{"a":{"b":"d"}}"#),
    (#"{"a":[{"b":"c"}]}"#, #"{"a":[1]}"#, #"{"a":[1]}"#),
    (#"["a","b"]"#, #"["c","d"]"#, #"["c","d"]"#),
    (#"{"a":"b"}"#, #"["c"]"#, #"["c"]"#),
    (#"{"a":"foo"}"#, #"null"#, #"null"#),
    (#"{"a":"foo"}"#, #""bar""#, #""bar""#),
    (#"{"e":null}"#, #"{"a":1}"#, #"{"e":null,"a":1}"#),
    (#"[1,2]"#, #"{"a":"b","c":null}"#, #"{"a":"b"}"#),
    (#"{}"#, #"{"a":{"bb":{"ccc":null}}}"#, #"{"a":{"bb":{}}}"#),
]

@Test(arguments: rfc7386Examples)
func mergePatchFollowsRFC7386(original: String, patch: String, result: String) throws {
    #expect(MergePatch.apply(try json(patch), to: try json(original)) == (try json(result)))
}

@Test func mergePatchReplacesContainerListsWhole() throws {
    let pod = #"{"spec":{"containers":[{"name":"a","image":"x"},{"name":"b","image":"y"}]}}"#
    let patch = #"{"spec":{"containers":[{"name":"a","image":"z"}]}}"#
    #expect(MergePatch.apply(try json(patch), to: try json(pod))
        == (try json(#"{"spec":{"containers":[{"name":"a","image":"z"}]}}"#)))
}
