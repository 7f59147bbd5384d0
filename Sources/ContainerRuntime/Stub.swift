public enum RuntimeStub {}
