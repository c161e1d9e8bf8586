package kz.qazdigest.bot;

/**
 * Text from outside the bot (Telegram's and fetchers' error messages) made safe for one line of an admin reply:
 * line breaks and other whitespace become single spaces, control and format characters (bidi overrides,
 * zero-width joiners) are dropped so they cannot reorder or hide the rest of the reply, and long text is cut.
 */
final class OneLine {
    private OneLine() {
    }

    /** @param maxCodePoints the most code points kept; "…" marks a cut */
    static String of(String text, int maxCodePoints) {
        if (text == null) {
            return "";
        }
        StringBuilder line = new StringBuilder(Math.min(text.length(), maxCodePoints * 2));
        boolean pendingSpace = false;
        int kept = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = line.length() > 0;
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
                continue;
            }
            int needed = pendingSpace ? 2 : 1;
            if (kept + needed > maxCodePoints) {
                return line.append('…').toString();
            }
            if (pendingSpace) {
                line.append(' ');
                kept++;
                pendingSpace = false;
            }
            line.appendCodePoint(cp);
            kept++;
        }
        return line.toString();
    }
}
