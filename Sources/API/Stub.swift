public enum APIStub {}
