package kz.qazdigest.app;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import kz.qazdigest.bot.BotModule;
import kz.qazdigest.bot.BroadcastReport;
import kz.qazdigest.bot.FeedCapabilityAdmin;
import kz.qazdigest.bot.SqlStats;
import kz.qazdigest.config.Settings;
import kz.qazdigest.config.SettingsLoader;
import kz.qazdigest.console.ConsoleGateway;
import kz.qazdigest.console.ConsoleTransport;
import kz.qazdigest.feed.FeedParser;
import kz.qazdigest.feed.SampleFeedServer;
import kz.qazdigest.i18n.Messages;
import kz.qazdigest.store.Database;
import kz.qazdigest.store.StoreException;
import kz.qazdigest.store.SubscriberStore;
import kz.qazdigest.text.TextAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code console}: the same bot in the terminal, offline: the bundled sample feeds served from 127.0.0.1
 * and polled at start, a local SQLite file, the console user as admin. Every message takes the real path
 * (outbox, sender, digests) with the screen as the gateway. Exits 0 at the end of input once every reply is out.
 */
@Command(name = "console", description = "the bot in the terminal, offline, on the bundled sample feeds")
final class ConsoleCommand implements Callable<Integer> {
    static final Path DEFAULT_DB = Path.of("data/console.db");
    private static final Duration DRAIN = Duration.ofMinutes(2);

    @Option(names = "--lang", description = "the console user's language: kk, ru or en (default: en)")
    String lang = "en";

    private final Map<String, String> env;
    private final InputStream in;
    private final PrintStream out;

    ConsoleCommand() {
        this(System.getenv(), System.in, new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    ConsoleCommand(Map<String, String> env, InputStream in, PrintStream out) {
        this.env = env;
        this.in = in;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = consoleSettings(SettingsLoader.load(env));
        Path dbFile = env.containsKey("QAZDIGEST_DB") ? settings.db() : DEFAULT_DB; // never the bot's own database
        Clock clock = Clock.systemUTC();
        TextAnalyzer analyzer = RunCommand.analyzer(settings);
        try (SampleFeedServer samples = SampleFeedServer.start(clock); Database db = open(dbFile)) {
            SubscriberStore subscribers = new SubscriberStore(db, settings.digest(), clock);
            ConsoleGateway gateway = new ConsoleGateway(out);
            try (BotWiring.Delivery delivery = BotWiring.delivery(settings, db, gateway, analyzer.taxonomy(),
                         new BroadcastReport(subscribers, new Messages("bot")), clock);
                 Ingestion ingestion = new Ingestion(settings, db, analyzer, clock, delivery.instantDigests())) {
                ingestion.feeds.importOutlines(samples.outlines());
                ingestion.scheduler.pollAllNow(); // the sample items are in before the first command
                BotModule module = new BotModule(new BotModule.Dependencies(settings, clock, subscribers, delivery.queue(),
                        analyzer.taxonomy(), delivery.digests(), delivery.broadcaster(),
                        new FeedCapabilityAdmin(db, ingestion.feeds, ingestion.pages, ingestion.fetcher, new FeedParser(),
                                ingestion.poller, ingestion.scheduler, true, clock),
                        new SqlStats(db, subscribers, delivery.queue(), clock, settings.digest().defaultTimeZone()),
                        ConsoleTransport.callbackAnswers(gateway),
                        id -> id == ConsoleTransport.CONSOLE_USER || settings.telegram().isAdmin(id)));
                try (module) {
                    ConsoleTransport.Drain drain = () -> {
                        module.awaitIdle(DRAIN); // background commands (/digest, /poll) have queued their replies
                        delivery.drain(DRAIN);   // and the sender has shown them
                    };
                    return new ConsoleTransport(module.dispatcher(), gateway, drain, Messages.supportedLanguage(lang)).run(in);
                }
            }
        }
    }

    /** One person at a terminal: Telegram's per-chat pacing would only make the demo slow. */
    private static Settings consoleSettings(Settings s) {
        Settings.Delivery fast = new Settings.Delivery(1000, 1000, 60_000, s.delivery().maxAttempts());
        return new Settings(s.telegram(), s.db(), s.feeds(), s.fetch(), s.text(), s.fullText(), s.digest(), fast);
    }

    private static Database open(Path file) {
        try {
            return Database.open(file);
        } catch (StoreException e) {
            throw new StartupException(e.getMessage());
        }
    }
}
