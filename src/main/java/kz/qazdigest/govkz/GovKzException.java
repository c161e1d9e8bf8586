package kz.qazdigest.govkz;

/** The gov.kz listing could not be read; the message is one line starting with "govkz: ", fit for /feeds. */
public final class GovKzException extends Exception {
    GovKzException(String message) {
        super("govkz: " + message);
    }

    GovKzException(String message, Throwable cause) {
        super("govkz: " + message, cause);
    }
}
