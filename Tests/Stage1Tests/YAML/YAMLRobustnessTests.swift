// Stage 1 · YAML tests: malformed input never crashes, traps or hangs the reader.
//
// The kubelet reads whatever lands in its manifest folder, half-written files included.
// These tests only ask that every call returns or throws: truncations at every offset,
// seeded random byte flips, and pathological nesting.

import Foundation
import Testing
import YAML

private typealias T = YAMLTree

struct YAMLRobustnessTests {
    static let samples = [
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web # the name
          labels: {app: web, tier: "front\\u00e9"}
        spec:
          containers:
          - name: web
            image: 'nginx:1.25'
            args: [--port, "8080", *x]
            command:
              - sh
              - -c
              - |
                echo hello
                exec nginx
            env: &e
              - {name: A, value: >-
                  folded}
          other:
            <<: *e
            ? complex
            : !!str 10
        ---
        %YAML 1.1
        ...
        """,
        "a: &a [1, 2]\nb: *a\nc: {<<: {x: 1}, d: [x, {y: z}]}\n- wrong\n\t: tab\n'q''uote': \"\\x41\\\n b\"\n",
    ]

    /// A deterministic pseudo-random sequence (SplitMix64), so failures reproduce.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func readOrThrow(_ text: String) {
        _ = try? YAMLReader.documents(in: text)
    }

    @Test func everyTruncationReturnsOrThrows() {
        for sample in Self.samples {
            let scalars = Array(sample.unicodeScalars)
            for end in 0...scalars.count {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[..<end])
                Self.readOrThrow(String(view))
            }
        }
    }

    @Test func randomByteFlipsReturnOrThrow() {
        var random = SeededGenerator(state: 20_240_601)
        let alphabet = Array(" \t\n\r-:?[]{},#&*!|>'\"%@`\\.0aZ~<".utf8)
        for sample in Self.samples {
            for _ in 0..<2_000 {
                var bytes = Array(sample.utf8)
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    let at = Int.random(in: 0..<bytes.count, using: &random)
                    bytes[at] = Bool.random(using: &random)
                        ? alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
                        : UInt8.random(in: 0...255, using: &random)
                }
                Self.readOrThrow(String(decoding: bytes, as: UTF8.self))
            }
        }
    }

    @Test func deepFlowNestingIsRefusedNotOverflowed() {
        let error = T.error(String(repeating: "[", count: 10_000))
        #expect(error?.message.contains("nested more than \(YAMLLimits.maxNestingDepth)") == true)
    }

    @Test func deepBlockNestingIsRefusedNotOverflowed() {
        let yaml = (0..<2_000).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n")
        #expect(T.error(yaml)?.message.contains("nested more than") == true)
    }

    @Test func nestingWithinTheLimitReads() throws {
        let depth = YAMLLimits.maxNestingDepth - 1
        let yaml = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(try YAMLReader.documents(in: yaml).count == 1)
    }

    /// Secondary threads may have small stacks (512 KB on macOS); the reader, the JSON
    /// renderer and `==` must handle the deepest accepted tree on one, even in debug.
    @Test func deepestAcceptedTreeWorksOnASmallStack() async {
        let smallStack = 256 * 1024
        let result: String = await withCheckedContinuation { continuation in
            let thread = Thread {
                let depth = YAMLLimits.maxNestingDepth - 1
                let flow = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
                let block = (0..<depth).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n")
                let flowDocuments = (try? YAMLReader.documents(in: flow)) ?? []
                let blockDocuments = (try? YAMLReader.documents(in: block)) ?? []
                let isEqual = flowDocuments == flowDocuments && blockDocuments == blockDocuments
                // `[{"k": {"k": … null}}]`: 7 characters a level, plus `[`, `]` and `null`.
                continuation.resume(returning: "\(flowDocuments.count) \(blockDocuments.count) "
                    + "\(YAMLNode.jsonText(documents: blockDocuments).count) \(isEqual)")
            }
            thread.stackSize = smallStack
            thread.start()
        }
        #expect(result == "1 1 \(7 * (YAMLLimits.maxNestingDepth - 1) + 6) true")
    }

    @Test func aliasesCannotStackTreesBeyondTheLimit() {
        let half = YAMLLimits.maxNestingDepth / 2 + 10
        let open = String(repeating: "[", count: half), close = String(repeating: "]", count: half)
        let yaml = "a: &a \(open)x\(close)\nb: &b \(open)*a\(close)\n"
        #expect(T.error(yaml)?.message.contains("nested more than") == true)
    }

    @Test func longRunsOfIndicatorsReturnOrThrow() {
        for piece in ["- ", "? ", ": ", "{", "}", "]", ",", "&a ", "*a ", "!", "|", "'", "\"", "---\n", "\t", "\\"] {
            Self.readOrThrow(String(repeating: piece, count: 5_000))
        }
    }
}
