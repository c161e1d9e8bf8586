package kz.qazdigest.feed;

/** The body is not a feed ROME can read; the message is one line starting with "parser: ". */
public final class FeedParseException extends Exception {
    FeedParseException(String message, Throwable cause) {
        super("parser: " + message, cause);
    }
}
