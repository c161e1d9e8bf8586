package kz.qazdigest.app;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
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
import kz.qazdigest.i18n.Messages;
import kz.qazdigest.store.Database;
import kz.qazdigest.store.StoreException;
import kz.qazdigest.store.SubscriberStore;
import kz.qazdigest.text.TextAnalyzer;
import kz.qazdigest.topic.TaxonomyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import picocli.CommandLine.Command;

/** {@code run}: the Telegram bot, until SIGTERM (which stops polling first, then Quartz, then the rest). */
@Command(name = "run", description = "the Telegram bot (long polling)")
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    private final Map<String, String> env;
    private final CountDownLatch stop;

    RunCommand() {
        this(System.getenv(), null);
    }

    /** @param stop when given, counting it down stops the bot as SIGTERM would (tests) */
    RunCommand(Map<String, String> env, CountDownLatch stop) {
        this.env = env;
        this.stop = stop;
    }

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = SettingsLoader.load(env);
        String token = settings.telegram().token().orElseThrow(() -> new StartupException(
                "run: TELEGRAM_BOT_TOKEN is not set; set it to the token @BotFather gave your bot "
                        + "(or try the bot offline with 'console')"));
        Clock clock = Clock.systemUTC();
        TextAnalyzer analyzer = analyzer(settings);
        // everything started is closed in reverse order, on SIGTERM or when start-up fails half way
        Deque<AutoCloseable> started = new ArrayDeque<>();
        Database db = open(settings);
        started.push(db);
        try {
            TelegramClient client = TelegramGateway.client(token, settings.telegram().apiUrl(), Duration.ofSeconds(30));
            SubscriberStore subscribers = new SubscriberStore(db, settings.digest(), clock);
            BotWiring.Delivery delivery = BotWiring.delivery(settings, db, new TelegramGateway(client), analyzer.taxonomy(),
                    new BroadcastReport(subscribers, new Messages("bot")), clock);
            started.push(delivery);          // the message in flight is settled
            Ingestion ingestion = new Ingestion(settings, db, analyzer, clock, delivery.instantDigests());
            started.push(ingestion);         // Quartz lets a running poll finish
            ingestion.feeds.importOpml(settings.feeds().opml());
            BotModule module = new BotModule(new BotModule.Dependencies(settings, clock, subscribers, delivery.queue(),
                    analyzer.taxonomy(), delivery.digests(), delivery.broadcaster(),
                    new FeedCapabilityAdmin(db, ingestion.feeds, ingestion.pages, ingestion.fetcher, new FeedParser(),
                            ingestion.poller, ingestion.scheduler, settings.feeds().allowPrivateFeeds(), clock),
                    new SqlStats(db, subscribers, delivery.queue(), clock, settings.digest().defaultTimeZone()),
                    TelegramTransport.callbackAnswers(client), settings.telegram()::isAdmin));
            started.push(module);            // background commands finish
            TelegramTransport transport = new TelegramTransport(token, settings.telegram().apiUrl(), client, db,
                    module.dispatcher(), module.messages(), settings.telegram().adminIds());
            started.push(transport);         // no new updates: closed first
            transport.start();
            ingestion.start();
        } catch (RuntimeException e) {
            closeAll(started);
            throw e instanceof IllegalStateException ? new StartupException(e.getMessage()) : e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable shutdown = () -> {
            log.info("run: stopping");
            closeAll(started);
            stopped.countDown();
        };
        Thread hook = new Thread(shutdown, "qazdigest-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        log.info("run: qazdigest is up (api {}, db {})", settings.telegram().apiUrl(), settings.db());
        if (stop != null) {
            stop.await();
            Runtime.getRuntime().removeShutdownHook(hook);
            shutdown.run();
        }
        stopped.await();
        return 0;
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                log.warn("run: closing {} failed: {}", next.getClass().getSimpleName(), e.toString());
            }
        }
    }

    static TextAnalyzer analyzer(Settings settings) {
        try {
            return TextAnalyzer.load(settings.text());
        } catch (TaxonomyException e) {
            throw new StartupException(e.getMessage());
        }
    }

    static Database open(Settings settings) {
        try {
            return Database.open(settings.db());
        } catch (StoreException e) {
            throw new StartupException(e.getMessage());
        }
    }
}
