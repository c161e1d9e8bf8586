package kz.qazdigest.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import kz.qazdigest.config.Settings;
import kz.qazdigest.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one sender: a dispatcher thread picks due outbox rows by lane (replies, then digests, then broadcasts),
 * paces them with a global limiter and a per-chat limiter (groups slower), marks each row in flight before the
 * HTTP call and hands it to a small worker pool; the worker makes the call and applies what an error calls for.
 * Accepted rows go to one settling thread that marks them sent (and their items delivered) in one transaction.
 * One row per chat is in flight at a time (its chat stays busy until the row is settled), so a crash can resend
 * at most one message per chat.
 *
 * <p>SQLite has one writer, and at 1,000 msg/s two write transactions per message were the bottleneck, so both
 * ends are batched: the dispatcher marks a few rows of distinct chats in flight in one transaction (about 10 ms
 * of sending; one row at the default 30/s), and the settler commits whatever was accepted meanwhile in one
 * transaction. A row counts as sent only once that commit is done: a crash between Telegram's answer and the
 * commit leaves it in flight, and it is resent once at start, which the one-row-per-chat rule keeps to at most
 * one duplicate per chat.
 *
 * <p>Persisted times (next_attempt_at, sent_at) come from the injected {@link Clock}; pacing uses the monotonic
 * System.nanoTime(). Only one Sender may run on a database at a time.
 */
public final class Sender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Sender.class);
    private static final long GLOBAL_FLOOD_QUIET_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final long PRUNE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int MAX_MARK_BATCH = 16;
    private static final int SETTLE_BATCH = 64;
    // accepted rows not yet committed: past this the dispatcher waits, so a stuck settler cannot let thousands of
    // sent-but-unrecorded rows pile up (each would be resent after a crash)
    private static final int SETTLE_BACKLOG = 256;

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
    private final int markBatch;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long events; // guarded by lock: bumped by every wake-up and completion
    private boolean refillRequested = true; // guarded by lock

    private final Set<Long> busyChats = ConcurrentHashMap.newKeySet();
    private final Map<Long, Long> chatFreeAt = new ConcurrentHashMap<>();
    private final Map<Long, Long> lastDispatch = new ConcurrentHashMap<>();
    private final AtomicLong globalPauseRequest = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger inFlight = new AtomicInteger(); // rows handed to workers whose call is not over
    private final BlockingQueue<Accepted> accepted = new LinkedBlockingQueue<>();

    // owned by the dispatcher thread
    private final List<OutboxStore.Due> buffer = new ArrayList<>();
    private final ArrayDeque<OutboxStore.Due> marked = new ArrayDeque<>(); // in flight, not yet handed to a worker
    private long lastRefill;
    private long lastPrune;
    private int fairness;

    private volatile boolean running;
    private Thread dispatcher;
    private ExecutorService workers;
    private Thread settler;
    private volatile boolean settling;

    /** A row Telegram accepted, waiting for the settler to record it. */
    private record Accepted(OutboxStore.Due row, int messageId, long at) {}

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
        // about 10 ms of sending per marking transaction: a reply waits behind at most that many marked rows
        this.markBatch = (int) Math.max(1, Math.min(MAX_MARK_BATCH, limits.globalPerSecond() / 100));
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
        settling = true;
        settler = new Thread(this::settleLoop, "outbox-settler");
        settler.setDaemon(true);
        settler.start();
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
            unmarkUnsent();
            workers.shutdown();
            if (!workers.awaitTermination(options.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("sender: calls still running after {}; their rows stay in flight and go again at start",
                        options.stopTimeout());
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        } finally {
            settling = false; // the settler commits what the workers handed over, then ends
            try {
                settler.join(options.stopTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Rows the dispatcher marked but never handed over did not go out: back to pending, their chats free. */
    private void unmarkUnsent() {
        if (marked.isEmpty()) {
            return;
        }
        try {
            db.write(c -> {
                OutboxStore.unmarkInFlight(c, marked);
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("sender: {} rows marked in flight but never sent stay so and go at start: {}", marked.size(),
                    e.getMessage());
        }
        marked.forEach(row -> busyChats.remove(row.chatId()));
        marked.clear();
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
        if (inFlight.get() >= options.workers() || accepted.size() >= SETTLE_BACKLOG) {
            // every worker busy: handing over more would queue rows where a later reply cannot overtake them
            awaitChange(seen, options.refreshEvery().toNanos());
            return;
        }
        long delay = global.delay(now);
        if (delay > 0) {
            awaitChange(seen, delay); // then choose again: a reply may have come in meanwhile
            return;
        }
        if (!marked.isEmpty()) {
            dispatch(marked.poll(), now);
            return;
        }
        if (refill || buffer.isEmpty() || now - lastRefill >= options.refreshEvery().toNanos()) {
            refill(now);
        }
        List<OutboxStore.Due> picks = pick(now);
        if (picks.isEmpty()) {
            awaitChange(seen, nextChatFree(now));
            return;
        }
        // the commit may wait for the write lock: the next step asks the limiter again, so each send is counted
        // when it really leaves and the next one cannot follow too closely
        markInFlight(picks);
    }

    /** Up to markBatch rows that may go now, of distinct chats (each chat taken busy here), best first. */
    private List<OutboxStore.Due> pick(long now) {
        List<OutboxStore.Due> picks = new ArrayList<>(markBatch);
        while (picks.size() < markBatch) {
            OutboxStore.Due pick = choose(now);
            if (pick == null && picks.isEmpty() && buffer.size() >= options.batch() && buffer.size() < options.batch() * 10) {
                extend(); // everything in view waits on its chat: look further down the queue
                pick = choose(now);
            }
            if (pick == null) {
                break;
            }
            buffer.remove(pick);
            busyChats.add(pick.chatId()); // so the next pick is another chat's
            picks.add(pick);
        }
        return picks;
    }

    /** One transaction for the batch; rows that changed meanwhile (dropped, moved) are let go. */
    private void markInFlight(List<OutboxStore.Due> picks) {
        List<OutboxStore.Due> ok;
        try {
            ok = db.write(c -> OutboxStore.markInFlight(c, picks));
        } catch (RuntimeException e) {
            picks.forEach(row -> busyChats.remove(row.chatId()));
            throw e;
        }
        for (OutboxStore.Due row : picks) {
            if (!ok.contains(row)) {
                busyChats.remove(row.chatId());
            }
        }
        marked.addAll(ok);
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

    /** Hands a marked row to a worker; its chat is busy already (since {@link #pick}). */
    private void dispatch(OutboxStore.Due row, long now) {
        long ticket = global.take(now);
        Long previous = lastDispatch.put(row.chatId(), now);
        chatFreeAt.put(row.chatId(), now + (row.chatId() < 0 ? groupIntervalNanos : chatIntervalNanos));
        inFlight.incrementAndGet();
        workers.execute(() -> deliver(row, previous, ticket));
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

    private void deliver(OutboxStore.Due row, Long previousDispatch, long ticket) {
        boolean handedToSettler = false;
        try {
            OutgoingMessage message;
            try {
                message = PayloadCodec.decode(row.payload());
            } catch (IllegalArgumentException e) {
                global.answered(ticket, System.nanoTime()); // no call made
                log.error("sender: outbox row {} for chat {} is unreadable, parked: {}", row.id(), row.chatId(), e.getMessage());
                settle(row, c -> OutboxStore.park(c, row.id(), false, e.getMessage()));
                return;
            }
            int messageId;
            try {
                messageId = gateway.send(row.chatId(), message);
            } catch (DeliveryException e) {
                global.answered(ticket, System.nanoTime());
                onFailure(row, e, previousDispatch);
                return;
            } catch (RuntimeException e) {
                global.answered(ticket, System.nanoTime());
                onFailure(row, new DeliveryException(DeliveryException.Reason.TRANSIENT, 0, "sender: " + e, null, null, e),
                        previousDispatch);
                return;
            }
            global.answered(ticket, System.nanoTime()); // Telegram has counted it by now: the limiter's window starts here
            accepted.add(new Accepted(row, messageId, clock.millis()));
            handedToSettler = true; // the settler frees the chat once the row is recorded sent
        } catch (RuntimeException e) {
            // the store failed: the row stays in flight and goes again at the next start
            log.error("sender: recording the outcome of outbox row {} for chat {} failed: {}", row.id(), row.chatId(),
                    e.getMessage(), e);
        } finally {
            if (!handedToSettler) {
                busyChats.remove(row.chatId());
            }
            inFlight.decrementAndGet();
            signal(false);
        }
    }

    // ---- the settler: accepted rows recorded sent, a batch per transaction

    private void settleLoop() {
        List<Accepted> batch = new ArrayList<>(SETTLE_BATCH);
        while (true) {
            Accepted first;
            try {
                first = accepted.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                if (!settling) {
                    return; // stopped, and the workers handed over everything they had
                }
                continue;
            }
            batch.add(first);
            accepted.drainTo(batch, SETTLE_BATCH - 1); // whatever was accepted while the last commit ran
            try {
                settleSent(batch);
            } finally {
                batch.forEach(a -> busyChats.remove(a.row().chatId()));
                batch.clear();
                signal(false);
            }
        }
    }

    /** Marks the batch sent and tells each broadcast once; if the batch fails, row by row so one row cannot sink the rest. */
    private void settleSent(List<Accepted> batch) {
        try {
            db.write(c -> {
                Set<Long> broadcasts = new LinkedHashSet<>();
                for (Accepted a : batch) {
                    OutboxStore.markSent(c, a.row().id(), a.row().chatId(), a.messageId(), a.at());
                    if (a.row().broadcastId() != null) {
                        broadcasts.add(a.row().broadcastId());
                    }
                }
                for (long broadcastId : broadcasts) {
                    listener.broadcastProgressed(c, broadcastId);
                }
                return null;
            });
        } catch (RuntimeException batchFailure) {
            for (Accepted a : batch) {
                try {
                    settle(a.row(), c -> OutboxStore.markSent(c, a.row().id(), a.row().chatId(), a.messageId(), a.at()));
                } catch (RuntimeException e) {
                    // the row stays in flight and goes again at the next start
                    log.error("sender: recording outbox row {} for chat {} sent failed: {}", a.row().id(),
                            a.row().chatId(), e.getMessage(), e);
                }
            }
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
