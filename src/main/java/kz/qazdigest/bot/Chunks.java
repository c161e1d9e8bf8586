package kz.qazdigest.bot;

import java.util.ArrayList;
import java.util.List;

/** Packs entries into as few messages as fit the limit, splitting only between entries. */
final class Chunks {
    private Chunks() {
    }

    static List<String> of(List<String> entries, String separator, int limit) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String entry : entries) {
            String piece = entry.length() > limit ? entry.substring(0, limit - 1) + "…" : entry;
            if (current.length() > 0 && current.length() + separator.length() + piece.length() > limit) {
                chunks.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(separator);
            }
            current.append(piece);
        }
        if (current.length() > 0) {
            chunks.add(current.toString());
        }
        return chunks;
    }
}
