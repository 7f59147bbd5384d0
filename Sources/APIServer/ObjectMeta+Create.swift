// Stage 2 · APIServer: the metadata the API server, and only it, fills in.
//
// A client never chooses an object's uid, creation time or resource version: the API
// server sets them on create (Kubernetes' `FillObjectMetaSystemFields`), and keeps them
// on every update whatever the client sent. A client may ask for a name to be made up
// (`generateName: web-` becomes `web-x7k2q`), which is how Deployments name their pods
// in stage 5.

import API
import Foundation

extension ObjectMeta {
    /// The letters a generated name's suffix is drawn from: no vowels (no accidental
    /// words) and no look-alikes such as 0/o or 1/l, as in Kubernetes.
    public static let generatedNameAlphabet = Array("bcdfghjklmnpqrstvwxz2456789")
    /// How many letters a generated name gets.
    public static let generatedNameLength = 5

    /// Sets the fields the server owns on a new object: uid, creation time, generation,
    /// and a generated name when `generateName` is given without a name.
    public mutating func prepareForCreate(now: Time, uid: String = UUID().uuidString.lowercased()) {
        if name.isEmpty && !generateName.isEmpty {
            let suffix = (0..<Self.generatedNameLength).map { _ in Self.generatedNameAlphabet.randomElement()! }
            name = generateName + String(suffix)
        }
        self.uid = uid
        creationTimestamp = now
        generation = 1
        resourceVersion = ""
        deletionTimestamp = nil
        deletionGracePeriodSeconds = nil
    }

    /// Keeps the server-owned fields of `old` on an update, whatever the client sent.
    public mutating func keepSystemFields(from old: ObjectMeta) {
        uid = old.uid
        creationTimestamp = old.creationTimestamp
        generation = old.generation
        deletionTimestamp = old.deletionTimestamp
        deletionGracePeriodSeconds = old.deletionGracePeriodSeconds
        if generateName.isEmpty { generateName = old.generateName }
    }
}
