package kz.qazdigest.bot;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import kz.qazdigest.config.Settings;
import kz.qazdigest.delivery.Broadcaster;
import kz.qazdigest.delivery.MessageQueue;
import kz.qazdigest.digest.DigestTrigger;
import kz.qazdigest.i18n.Messages;
import kz.qazdigest.store.SubscriberStore;
import kz.qazdigest.topic.TopicCatalog;

/**
 * The bot's wiring in one place: every handler, built from the capabilities it needs. Transports (Telegram,
 * console) take {@link #dispatcher()}; the delivery capability takes {@link #reportFormatter()}.
 */
public final class BotModule implements AutoCloseable {
    /** Commands every chat may use, in menu order. */
    public static final List<String> USER_COMMANDS =
            List.of("start", "help", "topics", "subscribe", "unsubscribe", "mytopics", "digest", "schedule", "lang", "stop");
    /** Commands only admins may use. */
    public static final List<String> ADMIN_COMMANDS = List.of("broadcast", "stats", "feeds", "addfeed", "removefeed", "poll");

    /**
     * What the bot needs from the rest of qazdigest.
     *
     * @param admins     who may run admin commands (Telegram: Settings.Telegram::isAdmin; console: also its user)
     * @param callbacks  how button presses are acknowledged on this transport
     */
    public record Dependencies(Settings settings, Clock clock, SubscriberStore subscribers, MessageQueue queue,
                               TopicCatalog topics, DigestTrigger digests, Broadcaster broadcaster, FeedAdmin feeds,
                               StatsSource stats, CallbackAnswers callbacks, LongPredicate admins) {}

    private final BotDispatcher dispatcher;
    private final BackgroundWork work;
    private final Messages messages = new Messages("bot");
    private final SubscriberStore subscribers;

    public BotModule(Dependencies d) {
        this(d, InetAddress::getAllByName);
    }

    BotModule(Dependencies d, FeedUrlPolicy.HostResolver resolver) {
        this.subscribers = d.subscribers();
        this.work = new BackgroundWork(4, 64);
        SubscriberStore store = d.subscribers();
        TopicKeyboard keyboard = new TopicKeyboard(d.topics());
        Map<String, BotDispatcher.Route> routes = new LinkedHashMap<>();
        user(routes, "start", new StartHandler(store, keyboard));
        user(routes, "help", new HelpHandler(d.admins()));
        user(routes, "topics", new TopicsHandler(store, keyboard));
        user(routes, "subscribe", new SubscriptionHandler(store, d.topics(), true));
        user(routes, "unsubscribe", new SubscriptionHandler(store, d.topics(), false));
        user(routes, "mytopics", new MyTopicsHandler(store, d.topics()));
        user(routes, "digest", new DigestHandler(store, d.digests(), work));
        user(routes, "schedule", new ScheduleHandler(store));
        user(routes, "lang", new LangHandler(store));
        user(routes, "stop", new StopHandler(store));
        admin(routes, "broadcast", new BroadcastHandler(d.broadcaster(), work));
        admin(routes, "stats", new StatsHandler(d.stats(), d.topics()));
        admin(routes, "feeds", new FeedsHandler(d.feeds(), work, d.settings().digest().defaultTimeZone().getId()));
        admin(routes, "addfeed", new AddFeedHandler(d.feeds(),
                new FeedUrlPolicy(d.settings().feeds().allowPrivateFeeds(), resolver), work));
        admin(routes, "removefeed", new RemoveFeedHandler(d.feeds(), work));
        admin(routes, "poll", new PollHandler(d.feeds(), work));
        this.dispatcher = new BotDispatcher(routes, new TopicButtons(store, d.topics(), keyboard, d.callbacks()), store,
                messages, new Replies(d.queue(), d.clock()), d.admins());
    }

    private static void user(Map<String, BotDispatcher.Route> routes, String name, CommandHandler handler) {
        routes.put(name, new BotDispatcher.Route(handler, false));
    }

    private static void admin(Map<String, BotDispatcher.Route> routes, String name, CommandHandler handler) {
        routes.put(name, new BotDispatcher.Route(handler, true));
    }

    public BotDispatcher dispatcher() {
        return dispatcher;
    }

    /** For the broadcaster: the admin's report in the admin chat's language. */
    public Broadcaster.ReportFormatter reportFormatter() {
        return new BroadcastReport(subscribers, messages);
    }

    /** The bot's words, e.g. for command menus. */
    public Messages messages() {
        return messages;
    }

    /** Waits until background commands (/poll, /digest, /broadcast...) have finished. */
    public boolean awaitIdle(Duration max) {
        return work.awaitIdle(max);
    }

    @Override
    public void close() {
        work.close();
    }
}
