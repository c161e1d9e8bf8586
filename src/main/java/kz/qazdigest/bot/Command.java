package kz.qazdigest.bot;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command as typed: {@code /name[@addressee] [args]}. {@code argsOffset} is where the arguments start in
 * the original text, in UTF-16 units (Java string indexes), so entity offsets can be shifted past it.
 */
record Command(String name, String addressee, String args, int argsOffset) {
    // Telegram command names: 1-32 latin letters, digits and underscores
    private static final Pattern HEAD = Pattern.compile("^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?=\\s|$)");

    static Optional<Command> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = HEAD.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        int start = m.end();
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        return Optional.of(new Command(m.group(1).toLowerCase(Locale.ROOT), m.group(2), text.substring(start).strip(), start));
    }

    /** Whether this command is meant for a bot called {@code username} in a chat of this kind. */
    boolean isFor(String username, boolean group) {
        if (addressee == null) {
            return !group; // in groups only /cmd@botname is ours
        }
        return username != null && addressee.equalsIgnoreCase(username);
    }
}
