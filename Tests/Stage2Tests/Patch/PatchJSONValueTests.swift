// JSONValue reads any JSON and writes integral numbers as integers.

import API
import APIMachinery
import Foundation
import Testing

@Test func jsonValueDecodesIntegersAndFractionsAsNumbers() throws {
    #expect(try json(#"{"a": 1, "b": 1.5, "c": [true, null, "x"]}"#)
        == .object(["a": .number(1), "b": .number(1.5), "c": .array([.bool(true), .null, .string("x")])]))
}

@Test func jsonValueEncodesIntegralNumbersWithoutAFraction() throws {
    let data = try APIJSON.encode(JSONValue.array([.number(1), .number(2.5), .number(-3)]))
    #expect(String(decoding: data, as: UTF8.self) == "[1,2.5,-3]")
}

@Test func jsonValueRoundTripsThroughText() throws {
    let value = try json(#"{"kind": "Pod", "spec": {"containers": [{"name": "web", "ports": [{"containerPort": 80}]}]}}"#)
    let text = try APIJSON.encode(value)
    #expect(try JSONDecoder().decode(JSONValue.self, from: text) == value)
}
