// JSONValue: any JSON in, the same JSON out; whole numbers without a fraction.

import API
import APIMachinery
import Foundation
import Manifests
import Testing

@Test func wholeNumbersAreWrittenWithoutAFraction() throws {
    #expect(try encodedText([JSONValue.number(1), .number(-42), .number(0)]) == "[1,-42,0]")
}

@Test func fractionalNumbersKeepTheirFraction() throws {
    #expect(try encodedText([JSONValue.number(1.5), .number(-0.25)]) == "[1.5,-0.25]")
}

@Test func integersAndFloatsBothDecodeAsNumbers() throws {
    #expect(try jsonValue("[1, 1.0, 2.5e3]") == .array([.number(1), .number(1), .number(2500)]))
}

@Test func booleansAreNotNumbersAndNullIsNull() throws {
    #expect(try jsonValue("[true, false, null, 0]") == .array([.bool(true), .bool(false), .null, .number(0)]))
}

@Test func nestedValueRoundTrips() throws {
    let text = #"{"a":[1,"two",{"b":null,"c":[true]}],"d":{},"e":[],"f":"ü\"\n"}"#
    let value = try jsonValue(text)
    #expect(try encodedText(value) == text)
}

@Test func objectsDecodeByMemberNotByOrder() throws {
    #expect(try jsonValue(#"{"a": 1, "b": 2}"#) == jsonValue(#"{"b": 2, "a": 1}"#))
}

@Test func jsonValueDecodesFromAYAMLManifestToo() throws {
    let values = try Manifest.decodeDocuments(JSONValue.self, yaml: "spec:\n  replicas: 3\n  paused: false\n  name: web\n")
    #expect(values == [.object(["spec": .object(["replicas": .number(3), "paused": .bool(false), "name": .string("web")])])])
}

@Test func typedObjectConvertsToJSONValueAndBack() throws {
    let pod = Pod(metadata: ObjectMeta(name: "web", namespace: "default"))
    let value = try JSONValue(encoding: pod)
    guard case .object(let members) = value else {
        Issue.record("a pod should encode as an object")
        return
    }
    #expect(members["kind"] == .string("Pod"))
    #expect(try value.decoded(as: Pod.self) == pod)
}
