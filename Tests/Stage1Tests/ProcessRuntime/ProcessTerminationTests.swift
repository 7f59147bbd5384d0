// The decoding of waitpid's status word, without any process.

import Testing
@testable import ProcessRuntime
import CRI

@Test func waitStatusOfANormalExitGivesItsCodeAndReasonError() {
    let termination = ProcessTermination(waitStatus: 3 << 8)
    #expect(termination == .exited(code: 3))
    #expect(termination?.exitCode == 3)
    #expect(termination?.signal == nil)
    #expect(termination?.reason == "Error")
}

@Test func waitStatusOfExitZeroIsCompleted() {
    #expect(ProcessTermination(waitStatus: 0)?.reason == "Completed")
}

@Test func waitStatusOfAKillGivesOneHundredTwentyEightPlusTheSignal() {
    let termination = ProcessTermination(waitStatus: 9)
    #expect(termination == .signaled(signal: 9))
    #expect(termination?.exitCode == 137)
    #expect(termination?.signal == 9)
}

@Test func waitStatusOfAStoppedProcessIsNotAnEnd() {
    #expect(ProcessTermination(waitStatus: (19 << 8) | 0x7f) == nil)
}
