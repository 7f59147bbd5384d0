// Stage 2 · APIServer: the metadata of a protobuf object, read once for every kind.
//
// Every Kubernetes kind's message has its `metadata` (an ObjectMeta) as field 1, and
// ObjectMeta's field numbers are those of `k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto`.
// The fields a client may set when it creates an object are read; the ones the server
// sets (uid 5, resourceVersion 6, creationTimestamp 8, …) are left for the server to
// fill, as it does for a JSON body. The wire format: `ProtobufMessage.swift`.
//
//   ObjectMeta:  1 name  2 generateName  3 namespace  11 labels (map)  12 annotations (map)

import API

extension ProtobufMessage {
    /// The ObjectMeta in field `number`; empty metadata when the field is absent or malformed.
    func objectMeta(_ number: Int) -> ObjectMeta {
        guard let meta = message(number) else { return ObjectMeta() }
        return ObjectMeta(
            name: meta.string(1) ?? "",
            generateName: meta.string(2) ?? "",
            namespace: meta.string(3) ?? "",
            labels: meta.stringMap(11),
            annotations: meta.stringMap(12))
    }
}
