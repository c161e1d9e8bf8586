package kz.qazdigest.config;

/** A setting that cannot be used; its message names the key and what is wrong, ready for the operator. */
public final class InvalidSettingException extends RuntimeException {
    private final String key;

    public InvalidSettingException(String key, String reason) {
        super("invalid value for " + key + ": " + reason);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
