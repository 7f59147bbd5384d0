// Quantities: the suffix grammar, rounding like Kubernetes, ordering by value.

import API
import Testing

@Test(arguments: [
    ("100m", 1, 100),
    ("0.5", 1, 500),
    ("64Mi", 67_108_864, 67_108_864_000),
    ("1Gi", 1_073_741_824, 1_073_741_824_000),
    ("1e3", 1000, 1_000_000),
    ("1E3", 1000, 1_000_000),
    ("1.5G", 1_500_000_000, 1_500_000_000_000),
    ("500", 500, 500_000),
    ("+1", 1, 1000),
    ("-1.5", -2, -1500),
    ("1n", 1, 1),
    ("2k", 2000, 2_000_000),
    ("1E", 1_000_000_000_000_000_000, Int64.max),
    (".5", 1, 500),
    ("5.", 5, 5000),
    ("0", 0, 0),
] as [(String, Int64, Int64)])
func quantityParsesWithValueAndMilliValue(text: String, value: Int64, milliValue: Int64) throws {
    let quantity = try Quantity(parsing: text)
    #expect(quantity.value == value)
    #expect(quantity.milliValue == milliValue)
    #expect(quantity.written == text)
}

@Test(arguments: ["", "abc", "1.2.3", "12Q", "m", "1e", "--1", "1 Gi", "1Kib"])
func quantityRejectsGarbageWithAMessage(text: String) {
    #expect {
        try Quantity(parsing: text)
    } throws: { error in
        (error as? QuantityError)?.description.hasPrefix("invalid quantity \"\(text)\": ") == true
    }
}

@Test func quantitiesCompareByValue() throws {
    #expect(try Quantity(parsing: "1000m") == Quantity(parsing: "1"))
    #expect(try Quantity(parsing: "1Ki") == Quantity(parsing: "1024"))
    #expect(try Quantity(parsing: "999m") < Quantity(parsing: "1"))
    #expect(try Quantity(parsing: "1G") < Quantity(parsing: "1Gi"))
    #expect(try Quantity(parsing: "-1") < Quantity(parsing: "1m"))
    #expect(try Quantity(parsing: "1e30") > Quantity(parsing: "1Ei"))
}

@Test func quantityDecodesFromAStringOrANumber() throws {
    let resources = try decodeManifest(
        ResourceRequirements.self, #"{"limits": {"cpu": 1, "memory": "64Mi"}, "requests": {"cpu": 0.5}}"#)
    #expect(resources.limits["cpu"]?.milliValue == 1000)
    #expect(resources.requests["cpu"]?.milliValue == 500)
    #expect(resources.limits["memory"]?.written == "64Mi")
}

@Test func quantityEncodesAsItWasWritten() throws {
    let resources = ResourceRequirements(limits: ["cpu": try Quantity(parsing: "1.5")], requests: ["cpu": Quantity(milliValue: 250)])
    let expected = try TestJSON.node(#"{"limits": {"cpu": "1.5"}, "requests": {"cpu": "250m"}}"#)
    #expect(try encodedTree(resources) == expected)
}
