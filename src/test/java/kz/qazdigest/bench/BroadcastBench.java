package kz.qazdigest.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import kz.qazdigest.config.Settings;
import kz.qazdigest.delivery.BroadcastService;
import kz.qazdigest.delivery.OutboxQueue;
import kz.qazdigest.delivery.OutgoingMessage;
import kz.qazdigest.delivery.Sender;
import kz.qazdigest.delivery.TelegramGateway;
import kz.qazdigest.store.Database;
import kz.qazdigest.testing.FakeBotApi;
import org.awaitility.Awaitility;

/**
 * A broadcast to 10,000 subscribers through the real sender, TelegramBots client and SQLite outbox, against the
 * fake Bot API enforcing a global limit of LIMIT messages per sliding second (429 above it). The sender is
 * configured to the same limit. Prints achieved rate / limit, the number of 429s and the peak heap.
 *
 * <p>{@code mvn -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=kz.qazdigest.bench.BroadcastBench}
 */
public final class BroadcastBench {
    static final int SUBSCRIBERS = 10_000;
    static final double LIMIT = 1000;
    static final long ADMIN = 1;

    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : SUBSCRIBERS;
        Path dir = Files.createTempDirectory("qazdigest-bench");
        AtomicInteger rejected = new AtomicInteger();
        Deque<Long> window = new ArrayDeque<>();
        try (FakeBotApi fake = new FakeBotApi(); Database db = Database.open(dir.resolve("bench.db"))) {
            fake.rateLimitWhen(call -> {
                synchronized (window) { // Telegram-like: at most LIMIT accepted messages in any 1 s window
                    long now = System.nanoTime();
                    while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
                        window.pollFirst();
                    }
                    if (window.size() >= LIMIT) {
                        rejected.incrementAndGet();
                        return true;
                    }
                    window.addLast(now);
                    return false;
                }
            });
            insertSubscribers(db, subscribers);
            OutboxQueue queue = new OutboxQueue(db, Clock.systemUTC());
            BroadcastService broadcasts = new BroadcastService(db, queue,
                    (admin, r) -> OutgoingMessage.plain("delivered " + r.delivered() + ", blocked " + r.blocked() + ", failed " + r.failed()),
                    Clock.systemUTC());
            Sender sender = new Sender(db, queue, new TelegramGateway(TelegramGateway.client(fake.token(), fake.url(), Duration.ofSeconds(5))),
                    new Settings.Delivery(LIMIT, 1, 20, 6), Clock.systemUTC(), broadcasts,
                    Sender.Options.defaults().withWorkers(Integer.getInteger("bench.workers", Sender.Options.defaults().workers())));
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            AtomicLong peakHeap = new AtomicLong();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                    0, 20, TimeUnit.MILLISECONDS);
            sender.start();
            long started = System.nanoTime();
            var queued = broadcasts.broadcast(ADMIN, "Бүгін Астанада: benchmark broadcast 📣", List.of());
            long queuedMs = (System.nanoTime() - started) / 1_000_000;
            Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !fake.sentTexts(ADMIN).isEmpty()); // the admin's report: every row settled
            long totalMs = (System.nanoTime() - started) / 1_000_000;
            sender.stop();
            sampler.shutdownNow();
            List<FakeBotApi.Call> calls = fake.calls("sendMessage").stream()
                    .filter(c -> !Long.toString(ADMIN).equals(c.chatId())).toList();
            long accepted = calls.size() - rejected.get();
            double spanSeconds = (calls.get(calls.size() - 1).atMillis() - calls.get(0).atMillis()) / 1000.0;
            double rate = (accepted - 1) / spanSeconds;
            System.out.printf("broadcast to %d subscribers, limit %.0f/s (fake enforces a sliding 1 s window, sender set to the same)%n",
                    queued.chats(), LIMIT);
            System.out.printf("  fan-out transaction: %d ms; until the admin's report: %d ms%n", queuedMs, totalMs);
            System.out.printf("  first to last message: %.2f s -> %.1f msg/s = %.3f of the limit%n", spanSeconds, rate, rate / LIMIT);
            System.out.printf("  429 answers: %d; report: %s%n", rejected.get(), fake.sentTexts(ADMIN).get(0));
            System.out.printf("  peak heap used (sampled every 20 ms): %.1f MiB (max heap %.0f MiB)%n",
                    peakHeap.get() / 1048576.0, memory.getHeapMemoryUsage().getMax() / 1048576.0);
        }
        System.exit(0);
    }

    static void insertSubscribers(Database db, int n) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO subscribers (chat_id, lang, since_at, created_at, updated_at) VALUES (?, 'kk', 0, 0, 0)""")) {
                for (long chat = 1000; chat < 1000 + n; chat++) {
                    ps.setLong(1, chat);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }
}
