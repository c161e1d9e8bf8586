package kz.qazdigest.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import kz.qazdigest.config.Settings;
import kz.qazdigest.delivery.Lane;
import kz.qazdigest.delivery.OutboxQueue;
import kz.qazdigest.delivery.OutgoingMessage;
import kz.qazdigest.delivery.Sender;
import kz.qazdigest.delivery.TelegramGateway;
import kz.qazdigest.feed.FeedParser;
import kz.qazdigest.feed.FeedPoller;
import kz.qazdigest.feed.Fetcher;
import kz.qazdigest.feed.PollScheduler;
import kz.qazdigest.i18n.Messages;
import kz.qazdigest.store.AnalyzedEntry;
import kz.qazdigest.store.ArticlePageStore;
import kz.qazdigest.store.Database;
import kz.qazdigest.store.Feed;
import kz.qazdigest.store.FeedOutline;
import kz.qazdigest.store.FeedStore;
import kz.qazdigest.store.ItemStore;
import kz.qazdigest.store.SubscriberStore;
import kz.qazdigest.testing.FakeBotApi;
import kz.qazdigest.testing.TestSettings;
import kz.qazdigest.testing.TestTopics;
import kz.qazdigest.text.Analysis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * /stats and /feeds as admins see delivery and full-text trouble, all real: the bot behind the TelegramBots client
 * and the fake Bot API, replies through the outbox and the paced sender, SqlStats and FeedCapabilityAdmin on SQLite.
 */
class AdminStatusTest {
    /** One admin per language: 900 kk, 901 ru, 902 en. */
    static final Set<Long> ADMINS = Set.of(900L, 901L, 902L);
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    final FakeBotApi fake = new FakeBotApi();
    final Messages m = new Messages("bot");
    final Clock clock = Clock.systemUTC();
    Settings settings;
    Database db;
    OutboxQueue queue;
    Sender sender;
    FeedStore feeds;
    ItemStore items;
    ArticlePageStore pages;
    PollScheduler polls;
    BotModule module;
    TelegramTransport transport;

    @BeforeEach
    void start() {
        settings = TestSettings.of(dir.resolve("admin.db"), fake.url(), ADMINS, false);
        db = Database.open(settings.db());
        TelegramClient client = TelegramGateway.client(fake.token(), fake.url(), Duration.ofSeconds(10));
        queue = new OutboxQueue(db, clock);
        sender = new Sender(db, queue, new TelegramGateway(client), settings.delivery(), clock, Sender.SettleListener.NONE);
        sender.start();
        SubscriberStore subscribers = new SubscriberStore(db, settings.digest(), clock);
        feeds = new FeedStore(db, clock);
        items = new ItemStore(db, clock);
        pages = new ArticlePageStore(db);
        Fetcher fetcher = new Fetcher(settings.fetch());
        FeedPoller poller = new FeedPoller(fetcher, new FeedParser(), TestSettings.qatarAnalyzer(), feeds, items,
                settings.feeds(), clock, fresh -> { });
        polls = new PollScheduler(feeds, poller, settings.feeds(), clock);
        module = new BotModule(new BotModule.Dependencies(settings, clock, subscribers, queue, new TestTopics(),
                new TestCapabilities.Digests(), new TestCapabilities.Broadcasts(),
                new FeedCapabilityAdmin(db, feeds, pages, fetcher, new FeedParser(), poller, polls, false, clock),
                new SqlStats(db, subscribers, queue, clock, settings.digest().defaultTimeZone()),
                TelegramTransport.callbackAnswers(client), settings.telegram()::isAdmin));
        transport = new TelegramTransport(fake.token(), fake.url(), client, db, module.dispatcher(), module.messages(),
                settings.telegram().adminIds());
        transport.start();
    }

    @AfterEach
    void close() {
        transport.close();
        module.close();
        polls.close();
        sender.close();
        db.close();
        fake.close();
    }

    /** Asks as the admin of {@code lang} and returns the replies, once {@code count} have arrived. */
    List<String> ask(String lang, String command, int count) {
        long admin = 900 + Messages.LANGUAGES.indexOf(lang);
        int before = fake.sentTexts(admin).size();
        fake.pushMessage(admin, command, lang);
        await().atMost(WAIT).until(() -> fake.sentTexts(admin).size() >= before + count);
        List<String> all = fake.sentTexts(admin);
        return all.subList(before, all.size());
    }

    @Test
    void aParkedMessageShowsInStatsWithItsErrorOnOneLine() {
        fake.failChat(555, FakeBotApi.Failure.error(400, "Bad Request: can't parse entities\nUnsupported start tag \"foo\""));
        fake.failChat(556, FakeBotApi.Failure.blocked());
        queue.enqueue(555, OutgoingMessage.plain("digest for 555"), Lane.DIGEST);
        queue.enqueue(556, OutgoingMessage.plain("digest for 556"), Lane.DIGEST);
        await().atMost(WAIT).until(() -> queue.stats(0).count("parked") == 1 && queue.stats(0).count("dropped") == 1);

        for (String lang : Messages.LANGUAGES) {
            String stats = ask(lang, "/stats", 1).get(0);
            assertThat(stats).contains(m.get(lang, "stats.outbox", 0, 0, 1, 1) + "\n\n" + m.get(lang, "stats.parked_header"));
            // the one parked row is the last line: Telegram's two-line error joined, no "…and N more"
            assertThat(stats.lines().reduce((a, b) -> b).orElseThrow()).isEqualTo(m.get(lang, "stats.parked_row", "555",
                    "digest", "telegram: 400 Bad Request: can't parse entities Unsupported start tag \"foo\""));
        }
    }

    @Test
    void manyLongParkedErrorsStayWithinOneTelegramMessage() {
        String longError = "Bad Request: " + "message text is far too long; ".repeat(150);
        for (long chat = 560; chat < 572; chat++) {
            fake.failChat(chat, FakeBotApi.Failure.error(400, longError));
            queue.enqueue(chat, OutgoingMessage.plain("broadcast to " + chat), Lane.BROADCAST);
        }
        await().atMost(WAIT).until(() -> queue.stats(0).count("parked") == 12);

        for (String lang : Messages.LANGUAGES) {
            String stats = ask(lang, "/stats", 1).get(0);
            assertThat(stats).hasSizeLessThanOrEqualTo(Replies.MAX_CHARS)
                    .contains(m.get(lang, "stats.outbox", 0, 0, 12, 0))
                    .endsWith(m.get(lang, "list.more", 12 - SqlStats.RECENT_PARKED));
            // the newest first, each error cut on its own line
            assertThat(stats.lines().filter(l -> l.contains("message text is far too long"))).hasSize(SqlStats.RECENT_PARKED)
                    .allSatisfy(l -> assertThat(l).endsWith("…").hasSizeLessThan(StatsHandler.ERROR_CHARS + 60));
            assertThat(stats).contains(m.get(lang, "stats.parked_row", "571", "broadcast", ""));
            assertThat(stats).doesNotContain(m.get(lang, "stats.parked_row", "566", "broadcast", ""));
        }
        assertThat(fake.calls("sendMessage")).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(Replies.MAX_CHARS));
    }

    @Test
    void feedsShowTheirKindAndHowTheirArticlePagesWent() {
        feeds.importOutlines(List.of(
                new FeedOutline("https://www.inform.kz/ru/rss", "rss", "Kazinform", "ru", "auto", null),
                new FeedOutline("https://www.gov.kz/memleket/entities/mfa/press/news", "govkz", "MFA (gov.kz)", "ru", null,
                        null)));
        Feed rss = feeds.active().stream().filter(f -> f.kind().equals("rss")).findFirst().orElseThrow();
        Feed govKz = feeds.active().stream().filter(f -> f.kind().equals("govkz")).findFirst().orElseThrow();
        Instant t0 = Instant.parse("2026-03-10T06:00:00Z");
        items.insertNew(rss, List.of(teaser(1, t0), teaser(2, t0), teaser(3, t0), teaser(4, t0)));
        List<ArticlePageStore.Pending> due = pages.due(t0.plusSeconds(60), 10);
        assertThat(due).hasSize(4);
        pages.extracted(due.get(0), 200, "The whole article, paragraph after paragraph.",
                new Analysis("ru", List.of(), "The whole article."), t0.plusSeconds(10));
        pages.keptTeaser(due.get(1), ArticlePageStore.State.KEPT_TEASER, 200, "extractor: page text shorter than the teaser",
                t0.plusSeconds(20));
        pages.keptTeaser(due.get(2), ArticlePageStore.State.REFUSED, 0, "article fetcher: refused (redirect to\nhttp://10.0.0.5/)",
                t0.plusSeconds(30));
        // the fourth page is still waiting
        feeds.markFailure(govKz.id(), 403, "govkz: listing refused: HTTP 403 Forbidden", t0, t0.plusSeconds(600));

        for (String lang : Messages.LANGUAGES) {
            String listed = String.join("\n\n", ask(lang, "/feeds", 1));
            String[] entries = listed.split("\n\n");
            assertThat(entries[0]).isEqualTo(m.get(lang, "feeds.header", 2));
            assertThat(entries).hasSize(3);
            boolean rssFirst = entries[1].lines().findFirst().orElseThrow().endsWith("Kazinform (rss)");
            String kazinform = rssFirst ? entries[1] : entries[2];
            String mfa = rssFirst ? entries[2] : entries[1];
            assertThat(kazinform.lines().findFirst().orElseThrow()).endsWith("Kazinform (rss)");
            assertThat(kazinform).contains(m.get(lang, "feeds.fulltext", 1, 1, 2, 1, 1, 0))
                    .contains(m.get(lang, "feeds.fulltext_error", "article fetcher: refused (redirect to http://10.0.0.5/)"));
            assertThat(mfa.lines().findFirst().orElseThrow()).endsWith("MFA (gov.kz) (govkz)");
            // its three lines of health, then the refusal; no full-text line, it never had a teaser
            assertThat(mfa.lines().toList()).hasSize(4)
                    .endsWith(m.get(lang, "feeds.error", "govkz: listing refused: HTTP 403 Forbidden"));
        }
    }

    private static AnalyzedEntry teaser(int n, Instant at) {
        String link = "https://www.inform.kz/ru/article-" + n;
        return new AnalyzedEntry("guid-" + n, link, link, "Teaser " + n, "Only the first lines of story " + n + ".", at,
                new Analysis("ru", List.of(), "Only the first lines.")).heldForFullText();
    }
}
