// Stage 2 · Storage: placeholder, replaced by the durable store.
public enum StoragePlaceholder {}
