// Stage 1 · Test harness: tests of `Binaries` and `Tools`.

@testable import TestSupport
import Foundation
import Testing

@Suite struct BinariesTests {
    @Test func packageRootHoldsPackageSwift() {
        let manifest = Binaries.packageRoot.appendingPathComponent("Package.swift")
        #expect(FileManager.default.fileExists(atPath: manifest.path))
    }

    @Test func binariesDirectoryHoldsTheTestBundle() throws {
        let contents = try FileManager.default.contentsOfDirectory(atPath: Binaries.directory.path)
        #expect(contents.contains { $0.hasSuffix(".xctest") })
    }

    @Test func missingExecutableSaysHowToBuildIt() {
        let error = #expect(throws: HarnessError.self) {
            try Binaries.executable(named: "no-such-stage")
        }
        #expect(error?.description.contains("no-such-stage is not built: run `swift build` first") == true)
    }

    @Test func toolsFindsShAndNotANonsenseName() {
        #expect(Tools.isInstalled("sh"))
        #expect(!Tools.isInstalled("no-such-tool-\(UUID().uuidString)"))
    }
}
