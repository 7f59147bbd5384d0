// Stage 1 · Kubelet tests: `--container-log-max-size` and `--container-log-max-files`, read as Kubernetes' kubelet reads them.

import Testing
@testable import Kubelet

@Test func containerLogMaxSizeIsAQuantity() throws {
    #expect(try KubeletConfiguration.containerLogRotation(maxSize: "10Mi", maxFiles: 5) == (10 * 1024 * 1024, 5))
    #expect(try KubeletConfiguration.containerLogRotation(maxSize: "500k", maxFiles: 2) == (500_000, 2))
}

@Test func aContainerLogMaxSizeThatIsNotAQuantityIsRefused() {
    #expect {
        try KubeletConfiguration.containerLogRotation(maxSize: "ten", maxFiles: 5)
    } throws: { error in
        "\(error)".hasPrefix("failed to parse container log max size \"ten\": ")
    }
}

@Test func fewerThanTwoContainerLogFilesAreRefused() {
    #expect {
        try KubeletConfiguration.containerLogRotation(maxSize: "10Mi", maxFiles: 1)
    } throws: { error in
        "\(error)" == "invalid configuration: containerLogMaxFiles must be greater than 1"
    }
}
