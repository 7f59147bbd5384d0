// Stage 3 · bench: hostile input, counted (issue 9's reliability figures for stages 1 and 2).
//
//   swift run -c release bench fuzz [--cases 4000] [--seed 2026]
//
// Three parsers that read what anyone can send, each fed damaged copies of good input
// (`InputMutator`): the manifest reader (YAML to a typed Pod, what the kubelet does with a
// file in its folder), the HTTP request parser (what every port does with its bytes), and
// the API server's create path over a real socket (JSON bodies POSTed to stage 3's API
// server in this process, which decodes, validates and stores them with stage 2's code).
// Each line says how the cases were answered and the slowest one. A crash would end the
// run, so a run that prints its last line had none; an answer of 5xx is a bug, and the
// first few are printed. Each line names its slowest case; `FUZZ_KEEP=N` writes manifest
// case N to `fuzz-N.yaml`, to read it or feed it to `stage1 yaml`.

import API
import Foundation
import HTTP
import HTTPClient
import Manifests

struct FuzzBenchmark: Benchmark {
    static let name = "fuzz"
    static let summary = "damaged manifests, HTTP requests and JSON bodies: how each was answered, and the slowest"

    static func run(options: BenchmarkOptions) async throws {
        let cases = try options.int("cases", default: 4_000)
        let seed = UInt64(try options.int("seed", default: 2026))
        #if DEBUG
        print("fuzz: a debug build; run it with -c release for figures worth keeping")
        #endif
        print("fuzz: \(cases) cases per parser, seed \(seed)")
        manifests(cases: cases, seed: seed)
        requests(cases: cases, seed: seed)
        try await bodies(cases: cases, seed: seed)
    }

    /// Damaged pod manifests through `Manifest.decodeDocuments`, as the kubelet reads a file.
    static func manifests(cases: Int, seed: UInt64) {
        var mutator = InputMutator(seed: seed)
        var tally = Tally()
        let keep = ProcessInfo.processInfo.environment["FUZZ_KEEP"].flatMap(Int.init)
        for number in 0..<cases {
            let text = String(decoding: mutator.mutate(Array(FuzzSeeds.manifest.utf8)), as: UTF8.self)
            if number == keep { try? text.write(toFile: "fuzz-\(number).yaml", atomically: true, encoding: .utf8) }
            tally.time {
                do {
                    _ = try Manifest.decodeDocuments(Pod.self, yaml: text, file: "fuzz-\(number).yaml")
                    return "decoded"
                } catch let error as ManifestError {
                    return error.line != nil ? "refused, naming a line" : "refused, naming no line"
                } catch {
                    return "refused: \(type(of: error))"
                }
            }
        }
        print("  manifests     \(tally)")
    }

    /// Damaged requests through `HTTPRequestParser`, given whole and then a byte at a time.
    static func requests(cases: Int, seed: UInt64) {
        var mutator = InputMutator(seed: seed)
        var tally = Tally()
        for number in 0..<cases {
            let bytes = mutator.mutate(Array(FuzzSeeds.requests[number % FuzzSeeds.requests.count].utf8))
            tally.time {
                var parser = HTTPRequestParser()
                let outputs = parser.parse(bytes)
                var trickle = HTTPRequestParser()
                for byte in bytes { _ = trickle.parse(CollectionOfOne(byte)) }
                switch outputs.last {
                case .failure(let error)?: return "refused (\(error.status.code))"
                case .request?: return "parsed"
                case nil: return "waiting for more"
                }
            }
        }
        print("  http requests \(tally)")
    }

    /// Damaged pod JSON POSTed to an API server: every answer must be 2xx or 4xx.
    static func bodies(cases: Int, seed: UInt64) async throws {
        let server = try await InProcessAPIServer()
        let client = try HTTPClient(baseURL: server.url, timeout: .seconds(30))
        var mutator = InputMutator(seed: seed)
        var tally = Tally()
        var serverErrors: [String] = []
        for _ in 0..<cases {
            let body = mutator.mutate(Array(FuzzSeeds.podJSON.utf8))
            let request = HTTPClientRequest(method: "POST", target: "/api/v1/namespaces/default/pods",
                                            headers: ["Content-Type": "application/json"], body: body)
            let start = ContinuousClock.now
            let answer: String
            do {
                let response = try await client.send(request)
                answer = "\(response.status.code / 100)xx"
                if response.status.code >= 500, serverErrors.count < 5 {
                    serverErrors.append("\(response.status.code): \(response.text.prefix(300)) for \(String(decoding: body.prefix(200), as: UTF8.self))")
                }
            } catch {
                answer = "no answer"
            }
            tally.record(answer, took: ContinuousClock.now - start)
        }
        await server.stop()
        print("  json bodies   \(tally)")
        for error in serverErrors { print("    5xx: \(error)") }
        print("fuzz: finished, no crash")
    }
}

/// How many cases got each answer, and the slowest.
struct Tally: CustomStringConvertible {
    private var counts: [String: Int] = [:]
    private var slowest = Duration.zero
    /// The number of the slowest case, to make it again from the seed.
    private var slowestCase = 0
    private var cases = 0

    mutating func time(_ body: () -> String) {
        let start = ContinuousClock.now
        let answer = body()
        record(answer, took: ContinuousClock.now - start)
    }

    mutating func record(_ answer: String, took duration: Duration) {
        counts[answer, default: 0] += 1
        if duration > slowest { (slowest, slowestCase) = (duration, cases) }
        cases += 1
    }

    var description: String {
        let answers = counts.sorted { $0.value > $1.value }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        return "\(answers); slowest \(String(format: "%.1f", WriteLoad.milliseconds(slowest))) ms (case \(slowestCase))"
    }
}
