@testable import APIServer
import ClusterKinds
import Testing

@Suite struct ProtobufNamespaceTests {
    /// The body kubectl 1.32 sent for `kubectl create namespace capns`, byte for byte.
    static let kubectlBody: [UInt8] = Array("k8s\0".utf8) + [
        0x0A, 0x0F, 0x0A, 0x02, 0x76, 0x31, 0x12, 0x09] + Array("Namespace".utf8) + [
        0x12, 0x1D, 0x0A, 0x15, 0x0A, 0x05] + Array("capns".utf8) + [
        0x12, 0x00, 0x1A, 0x00, 0x22, 0x00, 0x2A, 0x00, 0x32, 0x00, 0x38, 0x00, 0x42, 0x00,
        0x12, 0x00, 0x1A, 0x02, 0x0A, 0x00, 0x1A, 0x00, 0x22, 0x00]

    @Test func theNamespaceKubectlCreatesIsRead() throws {
        let namespace = try #require(ProtobufNamespace.decode(Self.kubectlBody))
        #expect(namespace.metadata.name == "capns")
    }

    @Test func anythingElseIsNotReadAsANamespace() {
        #expect(ProtobufNamespace.decode(Array("{\"kind\":\"Namespace\"}".utf8)) == nil)
        #expect(ProtobufNamespace.decode(Array(Self.kubectlBody.prefix(20))) == nil, "truncated")
        var pod = Self.kubectlBody
        pod.replaceSubrange(14..<23, with: Array("Pod".utf8))
        pod[13] = 3
        pod[5] = 0x09
        #expect(ProtobufNamespace.decode(pod) == nil, "another kind")
    }
}
