package kz.qazdigest.bot;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kz.qazdigest.delivery.Lane;
import kz.qazdigest.delivery.MessageQueue;
import kz.qazdigest.delivery.OutgoingMessage;
import kz.qazdigest.delivery.OutgoingMessage.TextEntity;

/**
 * Everything the bot answers goes through here into the message queue's REPLY lane (so the paced sender
 * keeps a flood of commands within Telegram's limits), cut to Telegram's 4096 UTF-16 units.
 * Hints for unknown commands and free text are rationed: at most {@link #HINTS_PER_WINDOW} per chat per
 * {@link #HINT_WINDOW}, so a person who mistypes twice is answered twice, and a flood earns a few hints, not 50.
 */
final class Replies {
    static final int MAX_CHARS = 4096;
    static final Duration HINT_WINDOW = Duration.ofSeconds(30);
    static final int HINTS_PER_WINDOW = 3;

    private final MessageQueue queue;
    private final Clock clock;
    private final Map<Long, long[]> recentHints = new ConcurrentHashMap<>(); // per chat: send times, oldest first

    Replies(MessageQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    void send(long chatId, OutgoingMessage message) {
        queue.enqueue(chatId, fit(message), Lane.REPLY);
    }

    /** Sends a hint unless this chat already had its ration of hints in the window. */
    boolean hint(long chatId, OutgoingMessage message) {
        long now = clock.millis();
        boolean[] allowed = {false};
        recentHints.compute(chatId, (id, times) -> {
            long[] ring = times == null ? new long[HINTS_PER_WINDOW] : times;
            long oldest = ring[0]; // ring is kept sorted: the oldest of the last HINTS_PER_WINDOW hints
            if (times != null && oldest != 0 && now - oldest < HINT_WINDOW.toMillis()) {
                return ring;
            }
            System.arraycopy(ring, 1, ring, 0, ring.length - 1);
            ring[ring.length - 1] = now;
            allowed[0] = true;
            return ring;
        });
        if (allowed[0]) {
            send(chatId, message);
        }
        return allowed[0];
    }

    /** Cuts an over-long text (never inside a surrogate pair) and drops the entities past the cut. */
    static OutgoingMessage fit(OutgoingMessage m) {
        String text = m.text();
        if (text.length() <= MAX_CHARS) {
            return m;
        }
        if (m.format() == OutgoingMessage.TextFormat.HTML) {
            // bot replies are plain; HTML comes from the digest builder, which splits it itself
            throw new IllegalArgumentException("bot: HTML reply over " + MAX_CHARS + " chars");
        }
        int cut = MAX_CHARS - 1;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        String shortened = text.substring(0, cut) + "…";
        List<TextEntity> entities = new ArrayList<>();
        for (TextEntity e : m.entities()) {
            if (e.offset() >= cut) {
                continue;
            }
            int length = Math.min(e.length(), cut - e.offset());
            entities.add(new TextEntity(e.type(), e.offset(), length, e.url(), e.language(), e.customEmojiId()));
        }
        return new OutgoingMessage(shortened, m.format(), m.keyboard(), m.linkPreview(), m.editMessageId(), entities);
    }
}
