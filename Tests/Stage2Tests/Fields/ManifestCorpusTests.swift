// Every pod and pod template of the shared manifest corpus (`../shared/manifests/valid`)
// decodes into the model and encodes back with every field it had: no field is unknown
// but those other files model (env sources, envFrom, lifecycle, volume sources), and
// what was known comes back with the same value.

import API
import APIMachinery
import Foundation
import Testing

/// `../shared/manifests/valid`, beside this package, if it is there.
private let manifestCorpus: URL? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let folder = root.deletingLastPathComponent().appendingPathComponent("shared/manifests/valid")
    return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
}()

@Suite(.enabled(if: manifestCorpus != nil, "the shared manifest corpus is not beside the package"))
struct ManifestCorpusTests {

    /// Fields that other parts of issue 7 model; until they do, they are reported, not lost silently.
    static let modelledElsewhere = [".valueFrom", ".envFrom", ".lifecycle", "volumes["]

    /// Every pod spec in `value`: a Pod's, or a template's (Deployments, Jobs, …).
    static func podSpecs(in value: JSONValue) -> [JSONValue] {
        switch value {
        case .object(let members):
            if case .string("Pod")? = members["kind"], let spec = members["spec"] { return [spec] }
            if case .object(let template)? = members["template"], let spec = template["spec"] { return [spec] }
            return members.keys.sorted().flatMap { podSpecs(in: members[$0] ?? .null) }
        case .array(let items):
            return items.flatMap(podSpecs)
        default:
            return []
        }
    }

    /// The value without what Go's omitempty drops, and with scalars as text (a quantity
    /// written `1` comes back as `"1"`).
    static func normalized(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .null, .bool(false): return nil
        case .number(let number): return number == 0 ? nil : .string(number == number.rounded() ? String(Int64(number)) : String(number))
        case .string(let text): return text.isEmpty ? nil : value
        case .bool: return value
        case .array(let items):
            let kept = items.map { normalized($0) ?? .object([:]) }
            return kept.isEmpty ? nil : .array(kept)
        case .object(let members):
            let kept = members.compactMapValues(normalized)
            return kept.isEmpty ? nil : .object(kept)
        }
    }

    /// `value` without the member at `path` (`containers[0].lifecycle`).
    static func removing(_ path: String, from value: JSONValue) -> JSONValue {
        var rest = Substring(path)
        var key = ""
        while let character = rest.first, character != "." && character != "[" { key.append(character); rest.removeFirst() }
        switch value {
        case .object(var members) where !key.isEmpty:
            if rest.isEmpty { members[key] = nil } else if let child = members[key] {
                members[key] = removing(String(rest.hasPrefix(".") ? rest.dropFirst() : rest), from: child)
            }
            return .object(members)
        case .array(var items) where key.isEmpty && rest.hasPrefix("["):
            let close = rest.firstIndex(of: "]") ?? rest.endIndex
            guard let index = Int(rest[rest.index(after: rest.startIndex)..<close]), items.indices.contains(index) else { return value }
            let after = rest[rest.index(after: close)...]
            if after.isEmpty { items.remove(at: index) } else {
                items[index] = removing(String(after.hasPrefix(".") ? after.dropFirst() : after), from: items[index])
            }
            return .array(items)
        default:
            return value
        }
    }

    @Test func everyPodTemplateFieldSurvivesADecodeAndEncode() throws {
        let folder = try #require(manifestCorpus)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        var checked = 0
        var refused: [String] = []
        for file in files {
            let document = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: folder.appendingPathComponent(file)))
            for spec in Self.podSpecs(in: document) {
                let unknown = UnknownFields.paths(in: spec, of: PodSpec.self)
                let lost = unknown.filter { path in !Self.modelledElsewhere.contains { path.contains($0) } }
                #expect(lost.isEmpty, "\(file): fields the model drops: \(lost)")
                // A few hold values Kubernetes' validation refuses too (`protocol: tcp`).
                guard let decoded = try? spec.decoded(as: PodSpec.self) else {
                    refused.append(file)
                    continue
                }
                let expected = unknown.reduce(spec) { Self.removing($1, from: $0) }
                #expect(Self.normalized(try JSONValue(encoding: decoded)) == Self.normalized(expected), "\(file): a field changed")
                checked += 1
            }
        }
        #expect(checked > 50, "the corpus holds many pod templates")
        #expect(refused.count < 5, "only a few hold a value outside a closed set: \(refused)")
    }
}
