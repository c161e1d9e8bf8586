package kz.qazdigest.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import kz.qazdigest.config.Settings;
import kz.qazdigest.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one sender: a dispatcher thread picks due outbox rows by lane (replies, then digests, then broadcasts),
 * paces them with a global limiter and a per-chat limiter (groups slower), marks each row in flight before the
 * HTTP call and hands it to a small worker pool; the worker marks it sent (and its items delivered) in one
 * transaction, or applies what the error calls for. One row per chat is in flight at a time, so a crash can
 * resend at most one message per chat.
 *
 * <p>Persisted times (next_attempt_at, sent_at) come from the injected {@link Clock}; pacing uses the monotonic
 * System.nanoTime(). Only one Sender may run on a database at a time.
 */
public final class Sender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Sender.class);
    private static final long GLOBAL_FLOOD_QUIET_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final long PRUNE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** Tuning that is not a Telegram limit (those come from {@link Settings.Delivery}). */
    public record Options(int workers, Duration baseBackoff, Duration maxBackoff, int batch, Duration refreshEvery,
                          Duration stopTimeout) {
        public static Options defaults() {
            return new Options(8, Duration.ofSeconds(2), Duration.ofMinutes(10), 500, Duration.ofMillis(250),
                    Duration.ofSeconds(60));
        }

        public Options withBaseBackoff(Duration base) {
            return new Options(workers, base, maxBackoff, batch, refreshEvery, stopTimeout);
        }

        public Options withWorkers(int n) {
            return new Options(n, baseBackoff, maxBackoff, batch, refreshEvery, stopTimeout);
        }
    }

    /** Told, inside the settling transaction, that a row of a broadcast was sent, dropped or parked. */
    @FunctionalInterface
    public interface SettleListener {
        SettleListener NONE = (c, broadcastId) -> { };

        void broadcastProgressed(Connection c, long broadcastId) throws SQLException;
    }

    private final Database db;
    private final ChatGateway gateway;
    private final Clock clock;
    private final SettleListener listener;
    private final Options options;
    private final int maxAttempts;
    private final long chatIntervalNanos;
    private final long groupIntervalNanos;
    private final Pacer global;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long events; // guarded by lock: bumped by every wake-up and completion
    private boolean refillRequested = true; // guarded by lock

    private final Set<Long> busyChats = ConcurrentHashMap.newKeySet();
    private final Map<Long, Long> chatFreeAt = new ConcurrentHashMap<>();
    private final Map<Long, Long> lastDispatch = new ConcurrentHashMap<>();
    private final AtomicLong globalPauseRequest = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger inFlight = new AtomicInteger();

    // owned by the dispatcher thread
    private final List<OutboxStore.Due> buffer = new ArrayList<>();
    private long lastRefill;
    private long lastPrune;
    private int fairness;

    private volatile boolean running;
    private Thread dispatcher;
    private ExecutorService workers;

    public Sender(Database db, OutboxQueue queue, ChatGateway gateway, Settings.Delivery limits, Clock clock,
                  SettleListener listener, Options options) {
        this.db = db;
        this.gateway = gateway;
        this.clock = clock;
        this.listener = listener;
        this.options = options;
        this.maxAttempts = limits.maxAttempts();
        this.chatIntervalNanos = Math.round(1_000_000_000d / limits.perChatPerSecond());
        this.groupIntervalNanos = Math.max(chatIntervalNanos, Math.round(60_000_000_000d / limits.groupPerMinute()));
        this.global = Pacer.forRate(limits.globalPerSecond());
        queue.onEnqueue(this::wake);
    }

    public Sender(Database db, OutboxQueue queue, ChatGateway gateway, Settings.Delivery limits, Clock clock,
                  SettleListener listener) {
        this(db, queue, gateway, limits, clock, listener, Options.defaults());
    }

    /** Puts rows left in flight by a crash back in the queue, then starts sending. */
    public synchronized void start() {
        if (running) {
            return;
        }
        int resent = db.write(c -> OutboxStore.resetInFlight(c, clock.millis()));
        if (resent > 0) {
            log.info("sender: {} rows were in flight at the last stop; sending them again", resent);
        }
        running = true;
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(options.workers(), r -> {
            Thread t = new Thread(r, "outbox-send-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        dispatcher = new Thread(this::dispatchLoop, "outbox-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /** Stops picking rows, lets the calls in progress finish and record their outcome. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        signal(false);
        try {
            dispatcher.join();
            workers.shutdown();
            if (!workers.awaitTermination(options.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("sender: calls still running after {}; their rows stay in flight and go again at start",
                        options.stopTimeout());
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Waits until no row is pending or in flight (every queued message sent, parked or dropped), at most {@code max}.
     * Returns whether the outbox is settled.
     */
    public boolean drain(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            if (db.read(OutboxStore::unsettled) == 0) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            lock.lock();
            try {
                changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                lock.unlock();
            }
        }
    }

    /** New rows were committed: look at the queue again now (a reply must not wait for the next refresh). */
    void wake() {
        signal(true);
    }

    private void signal(boolean refill) {
        lock.lock();
        try {
            events++;
            refillRequested |= refill;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ---- the dispatcher

    private void dispatchLoop() {
        while (running) {
            try {
                step();
            } catch (RuntimeException e) {
                log.error("sender: dispatch failed, retrying in 1 s: {}", e.getMessage(), e);
                awaitChange(currentEvents(), TimeUnit.SECONDS.toNanos(1));
            }
        }
    }

    private void step() {
        long seen;
        boolean refill;
        lock.lock();
        try {
            seen = events;
            refill = refillRequested;
            refillRequested = false;
        } finally {
            lock.unlock();
        }
        long now = System.nanoTime();
        long pause = globalPauseRequest.getAndSet(Long.MIN_VALUE);
        if (pause != Long.MIN_VALUE) {
            global.pauseUntil(pause);
        }
        if (inFlight.get() >= options.workers()) {
            // every worker busy: handing over more would queue rows where a later reply cannot overtake them
            awaitChange(seen, options.refreshEvery().toNanos());
            return;
        }
        if (refill || buffer.isEmpty() || now - lastRefill >= options.refreshEvery().toNanos()) {
            refill(now);
        }
        OutboxStore.Due pick = choose(now);
        if (pick == null && buffer.size() >= options.batch() && buffer.size() < options.batch() * 10) {
            extend(); // everything in view waits on its chat: look further down the queue
            pick = choose(now);
        }
        if (pick == null) {
            awaitChange(seen, nextChatFree(now));
            return;
        }
        long delay = global.delay(now);
        if (delay > 0) {
            awaitChange(seen, delay); // then choose again: a reply may have come in meanwhile
            return;
        }
        dispatch(pick, now);
    }

    private void refill(long now) {
        buffer.clear();
        buffer.addAll(db.read(c -> OutboxStore.due(c, clock.millis(), -1, 0, options.batch())));
        lastRefill = now;
        if (now - lastPrune > PRUNE_EVERY_NANOS) {
            chatFreeAt.values().removeIf(free -> free < now);
            lastDispatch.values().removeIf(at -> now - at > GLOBAL_FLOOD_QUIET_NANOS);
            lastPrune = now;
        }
    }

    private void extend() {
        OutboxStore.Due last = buffer.get(buffer.size() - 1);
        buffer.addAll(db.read(c -> OutboxStore.due(c, clock.millis(), last.lane(), last.id(), options.batch())));
    }

    /** The first row per lane whose chat may receive now; replies first, digests and broadcasts 4:1 when both wait. */
    private OutboxStore.Due choose(long now) {
        OutboxStore.Due[] first = new OutboxStore.Due[Lane.values().length];
        for (OutboxStore.Due d : buffer) {
            if (first[d.lane()] != null || !chatReady(d.chatId(), now)) {
                continue;
            }
            first[d.lane()] = d;
            if (d.lane() == Lane.REPLY.priority()) {
                return d;
            }
        }
        OutboxStore.Due digest = first[Lane.DIGEST.priority()];
        OutboxStore.Due broadcast = first[Lane.BROADCAST.priority()];
        if (digest != null && broadcast != null) {
            return fairness++ % 5 == 4 ? broadcast : digest; // a long digest run must not starve a broadcast
        }
        return digest != null ? digest : broadcast;
    }

    private boolean chatReady(long chatId, long now) {
        return !busyChats.contains(chatId) && chatFreeAt.getOrDefault(chatId, Long.MIN_VALUE) <= now;
    }

    /** How long until some chat in view may receive again (busy chats signal when their call ends). */
    private long nextChatFree(long now) {
        long wait = options.refreshEvery().toNanos() - (now - lastRefill);
        for (OutboxStore.Due d : buffer) {
            if (!busyChats.contains(d.chatId())) {
                wait = Math.min(wait, chatFreeAt.getOrDefault(d.chatId(), now) - now);
            }
        }
        return Math.max(wait, TimeUnit.MICROSECONDS.toNanos(200));
    }

    private void dispatch(OutboxStore.Due row, long now) {
        buffer.remove(row);
        if (!db.write(c -> OutboxStore.markInFlight(c, row.id(), row.chatId()))) {
            return; // dropped or moved meanwhile
        }
        // the commit may have waited for the write lock: count the send when it really leaves, or the limiter
        // would believe it went earlier and let the next one follow too closely
        long delay = global.delay(System.nanoTime());
        if (delay > 0) {
            LockSupport.parkNanos(delay);
        }
        now = System.nanoTime();
        global.take(now);
        Long previous = lastDispatch.put(row.chatId(), now);
        chatFreeAt.put(row.chatId(), now + (row.chatId() < 0 ? groupIntervalNanos : chatIntervalNanos));
        busyChats.add(row.chatId());
        inFlight.incrementAndGet();
        workers.execute(() -> deliver(row, previous));
    }

    private void awaitChange(long seen, long nanos) {
        lock.lock();
        try {
            if (events == seen && running) {
                changed.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private long currentEvents() {
        lock.lock();
        try {
            return events;
        } finally {
            lock.unlock();
        }
    }

    // ---- a worker: one HTTP call and its outcome

    private void deliver(OutboxStore.Due row, Long previousDispatch) {
        try {
            OutgoingMessage message;
            try {
                message = PayloadCodec.decode(row.payload());
            } catch (IllegalArgumentException e) {
                log.error("sender: outbox row {} for chat {} is unreadable, parked: {}", row.id(), row.chatId(), e.getMessage());
                settle(row, c -> OutboxStore.park(c, row.id(), false, e.getMessage()));
                return;
            }
            int messageId;
            try {
                messageId = gateway.send(row.chatId(), message);
            } catch (DeliveryException e) {
                onFailure(row, e, previousDispatch);
                return;
            } catch (RuntimeException e) {
                onFailure(row, new DeliveryException(DeliveryException.Reason.TRANSIENT, 0, "sender: " + e, null, null, e),
                        previousDispatch);
                return;
            }
            long now = clock.millis();
            settle(row, c -> OutboxStore.markSent(c, row.id(), row.chatId(), messageId, now));
        } catch (RuntimeException e) {
            // the store failed: the row stays in flight and goes again at the next start
            log.error("sender: recording the outcome of outbox row {} for chat {} failed: {}", row.id(), row.chatId(),
                    e.getMessage(), e);
        } finally {
            busyChats.remove(row.chatId());
            inFlight.decrementAndGet();
            signal(false);
        }
    }

    private interface RowUpdate {
        void apply(Connection c) throws SQLException;
    }

    /** Applies the row's new state and tells the broadcast listener, in one transaction. */
    private void settle(OutboxStore.Due row, RowUpdate update) {
        db.write(c -> {
            update.apply(c);
            if (row.broadcastId() != null) {
                listener.broadcastProgressed(c, row.broadcastId());
            }
            return null;
        });
    }

    private void onFailure(OutboxStore.Due row, DeliveryException e, Long previousDispatch) {
        long chatId = row.chatId();
        String error = e.getMessage();
        switch (e.reason()) {
            case RATE_LIMITED -> {
                Duration wait = e.retryAfter() != null ? e.retryAfter() : Duration.ofSeconds(1);
                long now = System.nanoTime();
                chatFreeAt.merge(chatId, now + wait.toNanos(), Math::max);
                // our per-chat limiter cannot explain a 429 for a chat that was quiet: Telegram means everyone
                boolean flood = previousDispatch == null || now - previousDispatch > GLOBAL_FLOOD_QUIET_NANOS;
                if (flood) {
                    globalPauseRequest.accumulateAndGet(now + wait.toNanos(), Math::max);
                }
                log.info("sender: 429 for chat {}, waiting {} s{}", chatId, wait.toSeconds(), flood ? " (all chats)" : "");
                long at = clock.millis() + wait.toMillis();
                db.write(c -> {
                    OutboxStore.retryLater(c, row.id(), at, false, error);
                    return null;
                });
            }
            case TRANSIENT -> {
                Duration backoff = db.write(c -> {
                    int attempts = OutboxStore.attempts(c, row.id()) + 1;
                    if (attempts >= maxAttempts) {
                        OutboxStore.park(c, row.id(), true, error);
                        if (row.broadcastId() != null) {
                            listener.broadcastProgressed(c, row.broadcastId());
                        }
                        return null;
                    }
                    Duration d = backoff(attempts);
                    OutboxStore.retryLater(c, row.id(), clock.millis() + d.toMillis(), true, error);
                    return d;
                });
                if (backoff == null) {
                    log.warn("sender: outbox row {} for chat {} parked after {} attempts: {}", row.id(), chatId,
                            maxAttempts, error);
                } else {
                    // the chat's later rows wait too, so its messages keep their order
                    chatFreeAt.merge(chatId, System.nanoTime() + backoff.toNanos(), Math::max);
                    log.info("sender: chat {} failed ({}), retrying in {} ms", chatId, error, backoff.toMillis());
                }
            }
            case BLOCKED, CHAT_NOT_FOUND -> {
                String reason = e.reason() == DeliveryException.Reason.BLOCKED ? "blocked" : "chat_not_found";
                db.write(c -> {
                    for (long broadcastId : OutboxStore.dropChat(c, chatId, reason, error, clock.millis())) {
                        listener.broadcastProgressed(c, broadcastId);
                    }
                    return null;
                });
                log.info("sender: chat {} is gone ({}): marked inactive, its queued messages dropped", chatId, reason);
            }
            case MIGRATED -> {
                Long to = e.migrateToChatId();
                if (to == null) {
                    settle(row, c -> OutboxStore.park(c, row.id(), false, error));
                    return;
                }
                db.write(c -> {
                    OutboxStore.migrateChat(c, chatId, to, clock.millis());
                    return null;
                });
                log.info("sender: chat {} became supergroup {}; following it", chatId, to);
                wake();
            }
            case BAD_REQUEST -> {
                log.warn("sender: Telegram refused outbox row {} for chat {}, parked: {}", row.id(), chatId, error);
                settle(row, c -> OutboxStore.park(c, row.id(), false, error));
            }
        }
    }

    /** Exponential with "equal jitter": half the delay fixed, half random, so retries of many chats spread out. */
    private Duration backoff(int attempts) {
        long base = options.baseBackoff().toMillis();
        long exp = base << Math.min(20, attempts - 1);
        long capped = Math.min(exp, options.maxBackoff().toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
