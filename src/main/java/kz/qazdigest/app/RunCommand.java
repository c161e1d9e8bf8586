package kz.qazdigest.app;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import kz.qazdigest.bot.BotModule;
import kz.qazdigest.bot.BroadcastReport;
import kz.qazdigest.bot.FeedCapabilityAdmin;
import kz.qazdigest.bot.SqlStats;
import kz.qazdigest.bot.TelegramTransport;
import kz.qazdigest.config.Settings;
import kz.qazdigest.config.SettingsLoader;
import kz.qazdigest.delivery.TelegramGateway;
import kz.qazdigest.feed.FeedParser;
import kz.qazdigest.feed.FeedPoller;
import kz.qazdigest.feed.Fetcher;
import kz.qazdigest.feed.PollScheduler;
import kz.qazdigest.i18n.Messages;
import kz.qazdigest.store.Database;
import kz.qazdigest.store.FeedStore;
import kz.qazdigest.store.ItemStore;
import kz.qazdigest.store.StoreException;
import kz.qazdigest.store.SubscriberStore;
import kz.qazdigest.text.TextAnalyzer;
import kz.qazdigest.topic.Taxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import picocli.CommandLine.Command;

/** {@code run}: the Telegram bot, until SIGTERM (which stops polling first, then Quartz, then the rest). */
@Command(name = "run", description = "the Telegram bot (long polling)")
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    private final Map<String, String> env;

    RunCommand() {
        this(System.getenv());
    }

    RunCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = SettingsLoader.load(env);
        String token = settings.telegram().token().orElseThrow(() -> new StartupException(
                "run: TELEGRAM_BOT_TOKEN is not set; set it to the token @BotFather gave your bot "
                        + "(or try the bot offline with 'console')"));
        Clock clock = Clock.systemUTC();
        Database db = open(settings);
        try {
            TelegramClient client = TelegramGateway.client(token, settings.telegram().apiUrl(), Duration.ofSeconds(30));
            Taxonomy topics = Taxonomy.load(settings.text().topics());
            SubscriberStore subscribers = new SubscriberStore(db, settings.digest(), clock);
            BotWiring.Delivery delivery = BotWiring.delivery(settings, db, new TelegramGateway(client), topics,
                    new BroadcastReport(subscribers, new Messages("bot")), clock);
            FeedStore feeds = new FeedStore(db, clock);
            feeds.importOpml(settings.feeds().opml());
            Fetcher fetcher = new Fetcher(settings.fetch());
            FeedPoller poller = new FeedPoller(fetcher, new FeedParser(), TextAnalyzer.load(settings.text()), feeds,
                    new ItemStore(db, clock), settings.feeds(), clock, delivery.instantDigests());
            PollScheduler scheduler = new PollScheduler(feeds, poller, settings.feeds(), clock);
            BotModule module = new BotModule(new BotModule.Dependencies(settings, clock, subscribers, delivery.queue(), topics,
                    delivery.digests(), delivery.broadcaster(),
                    new FeedCapabilityAdmin(db, feeds, fetcher, new FeedParser(), poller, scheduler,
                            settings.feeds().allowPrivateFeeds(), clock),
                    new SqlStats(db, subscribers, clock, settings.digest().defaultTimeZone()),
                    TelegramTransport.callbackAnswers(client), settings.telegram()::isAdmin));
            TelegramTransport transport = new TelegramTransport(token, settings.telegram().apiUrl(), client, db,
                    module.dispatcher(), module.messages(), settings.telegram().adminIds());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                log.info("run: stopping");
                transport.close();      // no new updates
                scheduler.close();      // Quartz lets a running poll finish
                module.close();         // background commands finish
                closeQuietly(delivery.lifecycle());
                db.close();
                stopped.countDown();
            }, "qazdigest-shutdown"));
            transport.start();
            scheduler.start();
            stopped.await();
            return 0;
        } catch (IllegalStateException e) {
            db.close();
            throw new StartupException(e.getMessage());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static Database open(Settings settings) {
        try {
            return Database.open(settings.db());
        } catch (StoreException e) {
            throw new StartupException(e.getMessage());
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("run: closing {} failed: {}", closeable, e.getMessage());
        }
    }
}
