// The shared protobuf reader: fields by number, nested messages and maps, and malformed
// input refused with nil — never a crash, however a real kubectl body is cut or changed.

import API
@testable import APIServer
import ClusterKinds
import Testing

@Suite struct ProtobufMessageTests {
    /// A varint as protobuf writes it, seven bits a byte, low bits first.
    static func varint(_ value: UInt64) -> [UInt8] {
        var rest = value
        var bytes: [UInt8] = []
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        return bytes + [UInt8(rest)]
    }

    /// A length-delimited field (wire type 2).
    static func field(_ number: UInt64, _ bytes: [UInt8]) -> [UInt8] {
        varint(number << 3 | 2) + varint(UInt64(bytes.count)) + bytes
    }

    static func field(_ number: UInt64, _ text: String) -> [UInt8] { field(number, Array(text.utf8)) }

    /// A varint field (wire type 0).
    static func number(_ number: UInt64, _ value: UInt64) -> [UInt8] { varint(number << 3) + varint(value) }

    static func entry(_ number: UInt64, _ key: String, _ value: String) -> [UInt8] {
        field(number, field(1, key) + field(2, value))
    }

    @Test func fieldsAreReadByNumberAsTheirTypes() throws {
        let message = try #require(ProtobufMessage(
            Self.field(1, "web") + Self.number(2, 300) + Self.number(3, 1) + Self.field(4, "a") + Self.field(4, "b")
            + Self.number(5, UInt64(bitPattern: -30)) + Self.field(6, [0, 0xFF])))
        #expect(message.string(1) == "web")
        #expect(message.varint(2) == 300)
        #expect(message.bool(3) == true && message.bool(2) == true)
        #expect(message.strings(4) == ["a", "b"])
        #expect(message.string(4) == "b", "a scalar written twice keeps its last value")
        #expect(message.int64(5) == -30)
        #expect(message.bytes(6).map(Array.init) == [0, 0xFF])
        // Absent fields, and fields asked for as the other wire type, have no value.
        #expect(message.string(9) == nil && message.varint(9) == nil && message.strings(9).isEmpty)
        #expect(message.string(2) == nil && message.varint(1) == nil)
        #expect(ProtobufMessage([UInt8]())?.string(1) == nil, "an empty message has every default")
    }

    @Test func aMalformedVarintIsRefused() {
        #expect(ProtobufMessage([0x08, 0x80]) == nil, "the value's last byte still says another follows")
        #expect(ProtobufMessage([0x88]) == nil, "the tag runs out")
        #expect(ProtobufMessage([0x08] + [UInt8](repeating: 0xFF, count: 9) + [0x01]) != nil, "ten bytes: UInt64.max")
        #expect(ProtobufMessage([0x08] + [UInt8](repeating: 0xFF, count: 9) + [0x02]) == nil, "more than 64 bits")
        #expect(ProtobufMessage([0x08] + [UInt8](repeating: 0x80, count: 10) + [0x00]) == nil, "more than ten bytes")
        #expect(ProtobufMessage([0x08] + [UInt8](repeating: 0xFF, count: 9) + [0x01])?.varint(1) == UInt64.max)
    }

    @Test func aLengthPastTheEndIsRefused() {
        #expect(ProtobufMessage(Array(Self.field(1, "name").dropLast())) == nil)
        #expect(ProtobufMessage([0x0A] + Self.varint(UInt64.max) + [0x41]) == nil, "a length no body can hold")
        #expect(ProtobufMessage([0x0A, 0x00]) != nil, "an empty string is fine")
    }

    @Test func wireTypesOtherThanVarintAndBytesAndBadFieldNumbersAreRefused() {
        for wireType: UInt8 in [1, 3, 4, 5, 6, 7] {
            #expect(ProtobufMessage([0x08 | wireType] + [UInt8](repeating: 0, count: 8)) == nil, "wire type \(wireType)")
        }
        #expect(ProtobufMessage([0x02, 0x00]) == nil, "field number 0")
        #expect(ProtobufMessage(Self.varint((UInt64(1) << 29) << 3 | 2) + [0x00]) == nil, "field number 2^29")
        #expect(ProtobufMessage(Self.varint(UInt64((1 << 29) - 1) << 3) + [0x00])?.varint((1 << 29) - 1) == 0)
    }

    @Test func nestedMessagesAreReadAndMerged() throws {
        let reference = Self.field(1, "Pod") + Self.field(3, "web")
        let message = try #require(ProtobufMessage(
            Self.field(2, reference) + Self.field(2, Self.field(3, "db")) + Self.field(7, [0x0A, 0x05]) + Self.field(8, Self.field(1, "x"))))
        let merged = try #require(message.message(2))
        #expect(merged.string(1) == "Pod" && merged.string(3) == "db", "a message written twice is the two merged")
        #expect(message.messages(2).map { $0.string(3) } == ["web", "db"])
        #expect(message.message(7) == nil, "a malformed nested message is nil, and does not spoil its parent")
        #expect(message.messages(7).isEmpty && message.string(8) == "\u{0A}\u{01}x")
        #expect(message.message(8)?.string(1) == "x" && message.message(9) == nil)
    }

    @Test func mapsAreEntriesOfKeyAndValue() throws {
        let message = try #require(ProtobufMessage(
            Self.entry(11, "app", "web") + Self.entry(11, "tier", "") + Self.field(11, Self.field(1, "bare"))
            + Self.field(11, Self.field(2, "keyless")) + Self.entry(11, "app", "db") + Self.entry(3, "logo", "\u{1}\u{2}")))
        #expect(message.stringMap(11) == ["app": "db", "tier": "", "bare": ""], "no key: skipped; no value: empty; later wins")
        #expect(message.bytesMap(3) == ["logo": [1, 2]])
        #expect(message.stringMap(4).isEmpty)
    }

    @Test func theEnvelopeNamesItsKindAndHoldsTheObject() throws {
        let typeMeta = Self.field(1, Self.field(1, "policy/v1") + Self.field(2, "Eviction"))
        let body = ProtobufEnvelope.magic + typeMeta + Self.field(2, Self.field(1, Self.field(1, "web")))
        let envelope = try #require(ProtobufEnvelope(body, kind: "Eviction"))
        #expect(envelope.apiVersion == "policy/v1" && envelope.object.objectMeta(1).name == "web")
        #expect(ProtobufEnvelope(body, kind: "Namespace") == nil, "another kind")
        #expect(ProtobufEnvelope(Array(body.dropFirst()), kind: "Eviction") == nil, "no magic")
        #expect(ProtobufEnvelope(ProtobufEnvelope.magic + Self.field(2, []), kind: "Eviction") == nil, "no typeMeta")
        let empty = try #require(ProtobufEnvelope(ProtobufEnvelope.magic + typeMeta, kind: "Eviction"), "no raw: the empty object")
        #expect(empty.object.objectMeta(1) == ObjectMeta())
    }

    @Test func objectMetaReadsWhatAClientSets() throws {
        let meta = Self.field(1, "web") + Self.field(2, "web-") + Self.field(3, "default") + Self.field(5, "uid-from-client")
            + Self.entry(11, "app", "web") + Self.entry(12, "note", "hi")
        let message = try #require(ProtobufMessage(Self.field(1, meta)))
        #expect(message.objectMeta(1) == ObjectMeta(name: "web", generateName: "web-", namespace: "default",
                                                    labels: ["app": "web"], annotations: ["note": "hi"]))
        #expect(message.objectMeta(2) == ObjectMeta())
    }

    /// Every prefix of real kubectl bodies, and every byte of them changed, is read or
    /// refused without a crash, by the envelope, every kind's reader, and a walk of every
    /// nested field.
    @Test func truncatedAndFlippedKubectlBodiesNeverCrash() {
        let bodies = [
            ProtobufNamespaceTests.kubectlBody,
            FinalizerAndEvictionTests.protobufEviction(name: "web", namespace: "default", gracePeriod: 30),
        ]
        var tried = 0
        for body in bodies {
            for length in 0..<body.count {
                Self.readEveryWay(Array(body.prefix(length)))
                tried += 1
            }
            for index in body.indices {
                for replacement: UInt8 in [0x00, 0xFF, 0x80, 0x7F] + (0..<8).map({ body[index] ^ (1 << $0) }) {
                    var changed = body
                    changed[index] = replacement
                    Self.readEveryWay(changed)
                    tried += 1
                }
            }
        }
        // Truncations that end on a field boundary are still whole messages: cut after the
        // typeMeta, the body holds no raw, which reads (as in Kubernetes) as the empty Namespace.
        for length in ProtobufEnvelope.magic.count..<ProtobufNamespaceTests.kubectlBody.count {
            let name = ProtobufNamespace.decode(Array(ProtobufNamespaceTests.kubectlBody.prefix(length)))?.metadata.name
            #expect(name == nil || name == "" || name == "capns")
        }
        #expect(tried > 1000)
    }

    static func readEveryWay(_ body: [UInt8]) {
        _ = ProtobufNamespace.decode(body)
        _ = ProtobufEviction.decode(body)
        _ = ProtobufConfigKinds.decode(ConfigMap.self, from: body)
        _ = ProtobufConfigKinds.decode(Secret.self, from: body)
        _ = ProtobufConfigKinds.decode(ServiceAccount.self, from: body)
        _ = SelfSubjectAccessReviewer.object(protobuf: body)
        _ = SelfSubjectReviewer.object(protobuf: body)
        if let message = ProtobufMessage(body.dropFirst(min(4, body.count))) { walk(message, depth: 4) }
    }

    /// Reads every field of `message` in every way, and descends into what parses as a message.
    static func walk(_ message: ProtobufMessage, depth: Int) {
        for number in 1...15 {
            _ = (message.varint(number), message.int64(number), message.bool(number), message.string(number))
            _ = (message.strings(number), message.stringMap(number), message.bytesMap(number), message.objectMeta(number))
            _ = message.message(number)
            guard depth > 0 else { continue }
            for nested in message.messages(number) { walk(nested, depth: depth - 1) }
        }
    }
}
