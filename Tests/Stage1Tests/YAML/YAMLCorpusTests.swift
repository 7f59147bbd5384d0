// Stage 1 · YAML tests: the corpus of real Kubernetes manifests.
//
// `../shared/manifests` (beside the repository) holds manifests from kubernetes/examples
// with PyYAML's reading of each as JSON, and templates that are not YAML. Every valid
// file must read to the same value; every invalid one must be refused with a place.
// A learner's clone has no `shared/` folder: then these tests show as skipped.

import Foundation
import Testing
import YAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the corpus lives, found from this file's path: up to the folder holding
/// `Package.swift`, then `../shared/manifests`.
enum Corpus {
    static let root: URL? = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder.deletingLastPathComponent().appendingPathComponent("shared/manifests")
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }()

    static let exists = root.map { FileManager.default.fileExists(atPath: $0.path) } ?? false

    /// The `.yaml` file names in `folder` ("valid" or "invalid"), sorted.
    static func files(in folder: String) -> [String] {
        guard let root, let names = try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
        else { return [] }
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    static func text(_ folder: String, _ name: String) throws -> String {
        guard let root else { throw CocoaError(.fileNoSuchFile) }
        return try String(contentsOf: root.appendingPathComponent(folder).appendingPathComponent(name), encoding: .utf8)
    }
}

// `.enabled(if:)` rather than a silent pass: without the corpus the tests are reported
// as skipped, so nobody mistakes "not run" for "passed".
@Suite(.enabled(if: Corpus.exists, "the manifest corpus (../shared/manifests) is not present"))
struct YAMLCorpusTests {
    @Test(arguments: Corpus.files(in: "valid"))
    func validManifestReadsAsPyYAMLReadsIt(file: String) throws {
        let yaml = try Corpus.text("valid", file)
        let expected = try JSONValue.parse(try Corpus.text("valid", String(file.dropLast(5)) + ".json"))
        let documents = try YAMLReader.documents(in: yaml)
        #expect(try JSONValue(documents) == expected)
    }

    @Test(arguments: Corpus.files(in: "invalid"))
    func invalidManifestIsRefusedWithAPlace(file: String) throws {
        let yaml = try Corpus.text("invalid", file)
        let error = #expect(throws: YAMLError.self) { try YAMLReader.documents(in: yaml) }
        #expect((error?.mark.line ?? 0) >= 1)
        #expect((error?.mark.column ?? 0) >= 1)
    }

    @Test func wholeCorpusReadsWellUnderASecond() throws {
        let texts = try Corpus.files(in: "valid").map { try Corpus.text("valid", $0) }
        let elapsed = try threadCPUTime {
            for text in texts { _ = try YAMLReader.documents(in: text) }
        }
        #expect(elapsed < .seconds(1))
    }
}

/// The CPU time the calling thread spends in `body`. Unlike the wall clock, it does not
/// grow when other tests or another build share the machine, so a performance bound on
/// it holds on a loaded machine too. `body` is synchronous, so it stays on one thread.
private func threadCPUTime(_ body: () throws -> Void) rethrows -> Duration {
    func now() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(Int64(time.tv_sec)) + .nanoseconds(Int64(time.tv_nsec))
    }
    let start = now()
    try body()
    return now() - start
}
