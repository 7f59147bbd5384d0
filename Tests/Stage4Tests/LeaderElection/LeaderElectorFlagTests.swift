// Stage 4 · LeaderElection tests: the --leader-elect flags and the durations they refuse.

import Client
import Common
@testable import LeaderElection
import Testing

/// The elector the flags make, or the error's words; never contacts the (absent) API server.
private func elector(_ arguments: [String]) throws -> Result<LeaderElector?, CommandLineError> {
    let flags = try ParsedFlags(arguments, flags: LeaderElector.flags)
    let client = try APIClient(server: "http://127.0.0.1:1")
    do {
        return .success(try LeaderElector(flags: flags, client: client, logger: .silent))
    } catch {
        return .failure(error)
    }
}

@Suite struct LeaderElectorFlagTests {
    @Test func byDefaultTheSchedulerCampaignsForKubeSystemKubeScheduler() throws {
        let made = try #require(try elector([]).get())
        #expect(made.lock.namespace == "kube-system")
        #expect(made.lock.name == "kube-scheduler")
        #expect(made.lock.identity.contains("_"))
    }

    @Test func leaderElectFalseMeansNoElection() throws {
        #expect(try elector(["--leader-elect=false"]).get() == nil)
    }

    @Test func aRenewDeadlinePastTheLeaseIsRefused() throws {
        let result = try elector(["--leader-elect-lease-duration", "5s", "--leader-elect-renew-deadline", "5s"])
        #expect(throws: CommandLineError.self) { try result.get() }
        if case .failure(let error) = result {
            #expect(error.description == "flag --leader-elect-lease-duration: LeaseDuration must be greater than RenewDeadline")
        }
        let tooShort = try elector(["--leader-elect-renew-deadline", "2s", "--leader-elect-retry-period", "2s"])
        #expect(throws: CommandLineError.self) { try tooShort.get() }
    }
}
