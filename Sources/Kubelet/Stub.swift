public enum KubeletStub {}
