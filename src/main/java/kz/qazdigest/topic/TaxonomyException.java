package kz.qazdigest.topic;

/** config/topics.yml cannot be read or says something invalid; the message names the file and the topic. */
public final class TaxonomyException extends RuntimeException {
    public TaxonomyException(String message) {
        super(message);
    }

    public TaxonomyException(String message, Throwable cause) {
        super(message, cause);
    }
}
