package kz.qazdigest.bot;

import java.util.ArrayList;
import java.util.List;
import kz.qazdigest.delivery.OutgoingMessage.TextEntity;

/**
 * A broadcast keeps the admin's formatting: entities of "/broadcast <text>" move left by the arguments'
 * offset (UTF-16 units, as Telegram counts); the command's own entity and anything outside the text drop.
 */
final class EntityShift {
    private EntityShift() {
    }

    static List<TextEntity> pastCommand(List<TextEntity> entities, int argsOffset, int textLength) {
        List<TextEntity> shifted = new ArrayList<>();
        for (TextEntity e : entities) {
            int start = Math.max(e.offset(), argsOffset) - argsOffset;
            int end = Math.min(e.offset() + e.length() - argsOffset, textLength);
            if ("bot_command".equals(e.type()) && e.offset() < argsOffset || end <= start) {
                continue;
            }
            shifted.add(new TextEntity(e.type(), start, end - start, e.url(), e.language(), e.customEmojiId()));
        }
        return shifted;
    }
}
