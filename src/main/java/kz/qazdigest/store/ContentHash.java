package kz.qazdigest.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SHA-256 of an article's normalised title and body: lowercased, punctuation and symbols ignored, white
 * space collapsed. A story republished with other quotes, dashes or line breaks hashes the same.
 */
public final class ContentHash {
    private static final Pattern NOT_WORD = Pattern.compile("[\\p{P}\\p{S}\\s\\u00A0\\u200B]+");

    private ContentHash() {
    }

    public static String of(String title, String body) {
        String normal = normalise(title) + "\n" + normalise(body);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }
}
