package kz.qazdigest.app;

/** Start-up cannot go on (missing token, unreadable file); the message tells the operator what to do. */
public final class StartupException extends RuntimeException {
    public StartupException(String message) {
        super(message);
    }
}
