// Stage 4 · SchedulingRegistry: the protobuf PriorityClass that `kubectl create priorityclass` sends.
//
// kubectl sends the objects of its `create` subcommands as protobuf, as it does a
// namespace or a config map (stage 2's `ProtobufConfigKinds`). Field numbers from
// `k8s.io/api/scheduling/v1/generated.proto`:
//
//   PriorityClass:  1 metadata  2 value (int32)  3 globalDefault  4 description  5 preemptionPolicy

import API
import APIServer
import SchedulingKinds

extension PriorityClass: ProtobufDecodable {
    public static func decode(protobuf body: [UInt8]) -> PriorityClass? {
        guard let message = ProtobufObject(body, kind: "PriorityClass") else { return nil }
        return PriorityClass(
            metadata: message.objectMeta(1),
            value: Int32(truncatingIfNeeded: message.int64(2) ?? 0),
            globalDefault: message.bool(3) ?? false,
            description: message.string(4) ?? "",
            preemptionPolicy: message.string(5).flatMap(PreemptionPolicy.init(rawValue:)))
    }
}
