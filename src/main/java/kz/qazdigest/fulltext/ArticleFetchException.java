package kz.qazdigest.fulltext;

/**
 * An article page that could not be fetched. {@code refused} means the URL policy stopped it (no request
 * was made to that URL); status is the HTTP status, 0 when no answer came. The message is one line.
 */
public final class ArticleFetchException extends Exception {
    private final boolean refused;
    private final int status;

    ArticleFetchException(String message, boolean refused, int status, Throwable cause) {
        super(message, cause);
        this.refused = refused;
        this.status = status;
    }

    public boolean refused() {
        return refused;
    }

    public int status() {
        return status;
    }

    /** 4xx answers that another try will not change. */
    public boolean permanent() {
        return refused || status == 401 || status == 403 || status == 404 || status == 410 || status == 451;
    }
}
