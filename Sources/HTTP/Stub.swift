public enum HTTPStub {}
