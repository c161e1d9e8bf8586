package kz.qazdigest.feed;

import java.net.URI;

/**
 * A fetch that produced no usable answer. Carries the HTTP status (0 when no response arrived), the URL
 * that failed and any cache hints the server sent (a 429 or 503 with Retry-After). The message is one
 * clean line starting with "fetcher: ".
 */
public final class FetchException extends Exception {
    private final int status;
    private final URI url;
    private final CacheHints hints;

    FetchException(String message, int status, URI url, CacheHints hints, Throwable cause) {
        super("fetcher: " + message, cause);
        this.status = status;
        this.url = url;
        this.hints = hints == null ? CacheHints.NONE : hints;
    }

    FetchException(String message, URI url) {
        this(message, 0, url, null, null);
    }

    /** HTTP status of the answer, or 0 if none came (timeout, refused connection, size cap...). */
    public int status() {
        return status;
    }

    public URI url() {
        return url;
    }

    public CacheHints hints() {
        return hints;
    }
}
