package kz.qazdigest.store;

/** A database failure, unchecked so that callers handle it where they can do something about it. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
