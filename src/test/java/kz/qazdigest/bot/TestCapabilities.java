package kz.qazdigest.bot;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kz.qazdigest.delivery.Broadcaster;
import kz.qazdigest.delivery.OutgoingMessage;
import kz.qazdigest.digest.DigestTrigger;

/** In-test stand-ins for the capabilities other helpers build, recording what the bot asked of them. */
public final class TestCapabilities {
    private TestCapabilities() {
    }

    /** Feeds: a fixed list; pollAll can be made to hang until released. */
    public static final class Feeds implements FeedAdmin {
        public final List<String> calls = new CopyOnWriteArrayList<>();
        public volatile CountDownLatch pollGate = new CountDownLatch(0);
        final CountDownLatch pollEntered = new CountDownLatch(1);

        @Override
        public List<FeedHealth> feeds() {
            calls.add("feeds");
            return List.of(new FeedHealth(1, "https://www.gov.kz/rss", "MFA", Instant.parse("2026-03-10T06:00:00Z"), 200, 0,
                            null, 12.5, "rss", null),
                    new FeedHealth(2, "https://akorda.kz/rss", "Akorda", null, 0, 3, "fetcher: connect timed out", 0,
                            "rss", null));
        }

        @Override
        public AddResult add(URI url) {
            calls.add("add " + url);
            return url.getPath().contains("not-a-feed") ? AddResult.refused("parser: not RSS or Atom")
                    : AddResult.added(7, "New feed");
        }

        @Override
        public Optional<FeedHealth> remove(long feedId) {
            calls.add("remove " + feedId);
            return feedId == 1 ? Optional.of(feeds().get(0)) : Optional.empty();
        }

        @Override
        public PollSummary pollAll() {
            calls.add("pollAll");
            pollEntered.countDown();
            try {
                if (!pollGate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("test: poll gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new PollSummary(2, 1, 5);
        }
    }

    public static final class Digests implements DigestTrigger {
        public final List<Long> chats = new CopyOnWriteArrayList<>();
        public final AtomicInteger items = new AtomicInteger();

        @Override
        public int sendNow(long chatId) {
            chats.add(chatId);
            return items.get();
        }
    }

    public static final class Broadcasts implements Broadcaster {
        record Call(long adminChatId, String text, List<OutgoingMessage.TextEntity> entities) {}

        final List<Call> calls = new CopyOnWriteArrayList<>();

        @Override
        public Queued broadcast(long adminChatId, String text, List<OutgoingMessage.TextEntity> entities) {
            calls.add(new Call(adminChatId, text, entities));
            return new Queued(calls.size(), 3);
        }
    }
}
