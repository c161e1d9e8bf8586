package kz.qazdigest.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import kz.qazdigest.config.Settings;
import kz.qazdigest.delivery.OutboxQueue;
import kz.qazdigest.delivery.OutgoingMessage;
import kz.qazdigest.delivery.TelegramGateway;
import kz.qazdigest.i18n.Messages;
import kz.qazdigest.store.Database;
import kz.qazdigest.store.SubscriberStore;
import kz.qazdigest.testing.FakeBotApi;
import kz.qazdigest.testing.TestSettings;
import kz.qazdigest.testing.TestTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** The whole bot through the real TelegramBots client and long poller, against the fake Bot API. */
class TelegramBotTest {
    static final Set<Long> ADMINS = Set.of(900L, 901L, 902L);
    static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    final FakeBotApi fake = new FakeBotApi();
    final Messages m = new Messages("bot");
    final TestCapabilities.Feeds feeds = new TestCapabilities.Feeds();
    final TestCapabilities.Digests digests = new TestCapabilities.Digests();
    final TestCapabilities.Broadcasts broadcasts = new TestCapabilities.Broadcasts();
    volatile boolean statsBroken;
    Settings settings;
    Database db;
    SubscriberStore store;
    GatewayQueue queue;
    BotModule module;
    TelegramTransport transport;

    @BeforeEach
    void start() {
        settings = TestSettings.of(dir.resolve("bot.db"), fake.url(), ADMINS, false);
        db = Database.open(settings.db());
        startBot();
    }

    void startBot() {
        TelegramClient client = TelegramGateway.client(fake.token(), fake.url(), Duration.ofSeconds(10));
        queue = new GatewayQueue(new TelegramGateway(client));
        Clock clock = Clock.systemUTC();
        store = new SubscriberStore(db, settings.digest(), clock);
        SqlStats sql = new SqlStats(db, store, new OutboxQueue(db, clock), clock, ZoneId.of("Asia/Almaty"));
        StatsSource stats = () -> {
            if (statsBroken) {
                throw new IllegalStateException("test: stats broken");
            }
            return sql.stats();
        };
        module = new BotModule(new BotModule.Dependencies(settings, clock, store, queue, new TestTopics(), digests, broadcasts,
                feeds, stats, TelegramTransport.callbackAnswers(client), settings.telegram()::isAdmin), TelegramBotTest::resolve);
        transport = new TelegramTransport(fake.token(), fake.url(), client, db, module.dispatcher(), module.messages(),
                settings.telegram().adminIds());
        transport.start();
    }

    void stopBot() {
        transport.close();
        module.close();
    }

    @AfterEach
    void close() {
        stopBot();
        db.close();
        fake.close();
    }

    static InetAddress[] resolve(String host) throws UnknownHostException {
        return switch (host) {
            case "feeds.example.org" -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34})};
            case "intranet.example.org" -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 0, 0, 5})};
            case "localhost" -> new InetAddress[] {InetAddress.getLoopbackAddress()};
            default -> throw new UnknownHostException(host);
        };
    }

    /** Sends a private message and returns the bot's next reply to that chat. */
    String say(long user, String text, String lang) {
        return sayExpecting(user, text, lang, 1).get(0);
    }

    List<String> sayExpecting(long user, String text, String lang, int replies) {
        int before = fake.sentTexts(user).size();
        fake.pushMessage(user, text, lang);
        await().atMost(WAIT).until(() -> fake.sentTexts(user).size() >= before + replies);
        List<String> all = fake.sentTexts(user);
        return all.subList(before, all.size());
    }

    /** The fixed start of a bundle pattern (before its first argument). */
    String prefix(String lang, String key) {
        String pattern = m.get(lang, key, "\u0000", "\u0000", "\u0000", "\u0000", "\u0000", "\u0000", "\u0000");
        int cut = pattern.indexOf('\u0000');
        return cut < 0 ? pattern : pattern.substring(0, cut);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void everyCommandAnswersInTheUsersLanguage(String lang) {
        long user = 100 + Messages.LANGUAGES.indexOf(lang);
        String qatar = new TestTopics().find("qatar").orElseThrow().name(lang);
        String spain = new TestTopics().find("spain").orElseThrow().name(lang);

        assertThat(say(user, "/start", lang)).startsWith(m.get(lang, "start.welcome"));
        assertThat(store.find(user).orElseThrow().lang()).isEqualTo(lang);
        assertThat(say(user, "hello there", lang)).isEqualTo(m.get(lang, "hint.free_text"));
        assertThat(say(user, "/help", lang)).isEqualTo(m.get(lang, "help"));
        assertThat(say(user, "/topics", lang)).isEqualTo(m.get(lang, "topics.keyboard", 0, 1, 2));
        assertThat(say(user, "/subscribe qatar " + spain, lang)).isEqualTo(m.get(lang, "subscribe.done", qatar + ", " + spain));
        assertThat(say(user, "/mytopics", lang)).startsWith(m.get(lang, "mytopics.list", 2, qatar + ", " + spain));
        assertThat(say(user, "/digest", lang)).isEqualTo(m.get(lang, "digest.nothing_new"));
        digests.items.set(3);
        assertThat(say(user, "/digest", lang)).isEqualTo(m.get(lang, "digest.sending", 3));
        assertThat(digests.chats).containsExactly(user, user);
        assertThat(say(user, "/schedule weekly mon 08:30", lang)).startsWith(prefix(lang, "schedule.set_next")).contains("08:30");
        assertThat(store.find(user).orElseThrow().schedule()).isEqualTo("weekly mon 08:30");
        assertThat(say(user, "/schedule", lang)).startsWith(prefix(lang, "schedule.current"));
        assertThat(say(user, "/lang " + lang, lang)).isEqualTo(m.get(lang, "lang.set"));
        assertThat(say(user, "/unsubscribe qatar", lang)).isEqualTo(m.get(lang, "unsubscribe.done", qatar));
        assertThat(say(user, "/stop", lang)).isEqualTo(m.get(lang, "stop.done"));
        assertThat(say(user, "/stop", lang)).isEqualTo(m.get(lang, "stop.already"));
        assertThat(say(user, "/start", lang)).startsWith(m.get(lang, "start.resumed"));
        assertThat(store.topics(user)).containsExactly("spain");
        assertThat(say(user, "/broadcast hi", lang)).isEqualTo(m.get(lang, "admin.refused"));

        long admin = 900 + Messages.LANGUAGES.indexOf(lang);
        assertThat(say(admin, "/help", lang)).isEqualTo(m.get(lang, "help") + "\n\n" + m.get(lang, "help.admin"));
        assertThat(say(admin, "/stats", lang)).startsWith(prefix(lang, "stats"));
        assertThat(say(admin, "/feeds", lang)).startsWith(m.get(lang, "feeds.header", 2)).contains("MFA", "fetcher: connect timed out");
        assertThat(sayExpecting(admin, "/addfeed https://feeds.example.org/rss", lang, 2))
                .containsExactly(m.get(lang, "addfeed.checking"), m.get(lang, "addfeed.added", "7", "New feed"));
        assertThat(say(admin, "/removefeed 1", lang)).isEqualTo(m.get(lang, "removefeed.done", "1", "MFA"));
        assertThat(sayExpecting(admin, "/poll", lang, 2))
                .containsExactly(m.get(lang, "poll.started"), m.get(lang, "poll.done", 2, 1, 5));
        assertThat(say(admin, "/broadcast Hello everyone", lang)).isEqualTo(m.get(lang, "broadcast.queued", 3, "1"));
        assertThat(broadcasts.calls).extracting(TestCapabilities.Broadcasts.Call::text).containsExactly("Hello everyone");
    }

    @Test
    void menusAreSetPerLanguageAndForEachAdmin() {
        List<FakeBotApi.Call> menus = fake.calls("setMyCommands");
        assertThat(menus).hasSize(4 + 4 * ADMINS.size());
        FakeBotApi.Call kk = menus.stream()
                .filter(c -> "kk".equals(c.body().path("language_code").asText()) && "default".equals(c.body().path("scope").path("type").asText()))
                .findFirst().orElseThrow();
        assertThat(kk.body().path("commands").get(0).path("description").asText()).isEqualTo(m.get("kk", "command.start"));
        assertThat(kk.body().path("commands")).hasSize(BotModule.USER_COMMANDS.size());
        FakeBotApi.Call admin = menus.stream().filter(c -> "900".equals(c.body().path("scope").path("chat_id").asText()))
                .findFirst().orElseThrow();
        assertThat(admin.body().path("commands")).hasSize(BotModule.USER_COMMANDS.size() + BotModule.ADMIN_COMMANDS.size());
        assertThat(fake.calls("deleteWebhook")).hasSize(1);
        assertThat(fake.calls("getMe")).hasSize(1);
    }

    @Test
    void theTopicKeyboardTogglesAndTurnsPagesByEditingInPlace() {
        long user = 300;
        say(user, "/topics", "en");
        // the fake records the call before the gateway returns; wait for the queue to note the message id too
        GatewayQueue.Queued sent = await().atMost(WAIT).until(() -> queue.queued.stream()
                .filter(q -> q.chatId() == user && !q.message().keyboard().isEmpty()).reduce((a, b) -> b),
                java.util.Optional::isPresent).orElseThrow();
        List<String> data = new ArrayList<>();
        sent.message().keyboard().forEach(row -> row.forEach(b -> data.add(b.callbackData())));
        assertThat(data).contains("tt:0:qatar", "tp:1").allSatisfy(d -> assertThat(d.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(64));
        FakeBotApi.Call message = fake.calls("sendMessage").stream().filter(c -> Long.toString(user).equals(c.chatId()))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(message.body().path("reply_markup").path("inline_keyboard").toString()).contains("tt:0:qatar");

        fake.pushCallback(user, sent.sentId(), "tt:0:qatar", "en");
        await().atMost(WAIT).until(() -> !fake.calls("editMessageText").isEmpty() && !fake.calls("answerCallbackQuery").isEmpty());
        FakeBotApi.Call edit = fake.calls("editMessageText").get(0);
        assertThat(edit.body().path("message_id").asInt()).isEqualTo(sent.sentId());
        assertThat(edit.text()).isEqualTo(m.get("en", "topics.keyboard", 1, 1, 2));
        assertThat(edit.body().path("reply_markup").toString()).contains("✅ Qatar");
        assertThat(fake.calls("answerCallbackQuery").get(0).body().path("text").asText()).isEqualTo("✅ Qatar: following");
        assertThat(store.topics(user)).containsExactly("qatar");

        fake.pushCallback(user, sent.sentId(), "tp:1", "en");
        await().atMost(WAIT).until(() -> fake.calls("editMessageText").size() == 2);
        assertThat(fake.calls("editMessageText").get(1).text()).isEqualTo(m.get("en", "topics.keyboard", 1, 2, 2));
        assertThat(fake.calls("editMessageText").get(1).body().path("reply_markup").toString()).contains("tt:1:energy");

        fake.pushCallback(user, sent.sentId(), "tt:1:atlantis", "en");
        await().atMost(WAIT).until(() -> fake.calls("answerCallbackQuery").size() == 3);
        assertThat(fake.calls("answerCallbackQuery").get(2).body().path("text").asText()).isEqualTo(m.get("en", "callback.stale"));
        assertThat(fake.calls("editMessageText")).hasSize(2);
        assertThat(fake.calls("sendMessage").stream().filter(c -> Long.toString(user).equals(c.chatId()))).hasSize(1);
    }

    @Test
    void nonAdminsAreRefusedAndNothingHappens() {
        long user = 350;
        for (String command : List.of("/broadcast hi all", "/stats", "/feeds", "/addfeed https://feeds.example.org/rss",
                "/removefeed 1", "/poll")) {
            assertThat(say(user, command, "ru")).isEqualTo(m.get("ru", "admin.refused"));
        }
        assertThat(feeds.calls).isEmpty();
        assertThat(broadcasts.calls).isEmpty();
    }

    @Test
    void malformedInputGetsAClearShortAnswer() {
        long user = 400;
        long admin = 900;
        assertThat(say(user, "/schedule daily 25:99", "en")).isEqualTo(m.get("en", "schedule.usage"));
        assertThat(say(user, "/schedule weekly someday 09:00", "en")).isEqualTo(m.get("en", "schedule.usage"));
        assertThat(say(user, "/schedule " + "9".repeat(3000), "en")).isEqualTo(m.get("en", "schedule.usage"));
        String twoHundred = String.join(" ", java.util.Collections.nCopies(200, "qatar"));
        assertThat(say(user, "/subscribe " + twoHundred, "en")).isEqualTo(m.get("en", "topics.too_many", 100));
        String longWord = "x".repeat(4000);
        String answer = say(user, "/subscribe " + longWord, "en");
        assertThat(answer).startsWith("Unknown topic: xxxx").hasSizeLessThan(200);
        assertThat(say(user, "/subscribe 🇶🇦 😀 quatar", "en"))
                .contains("Unknown topic: 🇶🇦", "Unknown topic: 😀", "Unknown topic: quatar. Did you mean Qatar (qatar)?");
        assertThat(say(user, "/subscribe قطر", "en")).isEqualTo(m.get("en", "topics.unknown", "قطر") + "\n" + m.get("en", "topics.see_all"));
        assertThat(say(user, "/subscribe Орталық Азия, КАТАР", "en")).isEqualTo(m.get("en", "subscribe.done", "Central Asia, Qatar"));
        assertThat(say(user, "/lang de", "en")).isEqualTo(m.get("en", "lang.usage"));
        assertThat(say(user, "/subscribe", "en")).isEqualTo(m.get("en", "subscribe.usage"));
        assertThat(say(admin, "/removefeed abc", "en")).isEqualTo(m.get("en", "removefeed.usage"));
        assertThat(say(admin, "/addfeed ftp://feeds.example.org/rss", "en")).isEqualTo(m.get("en", "addfeed.usage"));
        assertThat(say(admin, "/addfeed " + "h".repeat(4000), "en")).isEqualTo(m.get("en", "addfeed.usage"));
        assertThat(sayExpecting(admin, "/addfeed http://localhost:8080/rss", "en", 2).get(1))
                .isEqualTo(m.get("en", "addfeed.private", InetAddress.getLoopbackAddress().getHostAddress()));
        assertThat(sayExpecting(admin, "/addfeed https://intranet.example.org/rss", "en", 2).get(1))
                .isEqualTo(m.get("en", "addfeed.private", "10.0.0.5"));
        assertThat(sayExpecting(admin, "/addfeed https://nowhere.invalid/rss", "en", 2).get(1))
                .isEqualTo(m.get("en", "addfeed.unresolved", "nowhere.invalid"));
        assertThat(sayExpecting(admin, "/addfeed https://feeds.example.org/not-a-feed", "en", 2).get(1))
                .isEqualTo(m.get("en", "addfeed.refused", "parser: not RSS or Atom"));
        assertThat(feeds.calls).containsExactly("add https://feeds.example.org/not-a-feed");
        assertThat(say(admin, "/broadcast " + "y".repeat(4000), "en")).isEqualTo(m.get("en", "broadcast.queued", 3, "1"));
        assertThat(broadcasts.calls.get(0).text()).hasSize(4000);
        assertThat(say(admin, "/broadcast " + "y".repeat(5000), "en")).isEqualTo(m.get("en", "broadcast.too_long", 4096, 5000));
        assertThat(fake.calls("sendMessage")).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(4096));
    }

    @Test
    void groupsAnswerOnlyCommandsAddressedToTheBotAndOddUpdatesAreIgnored() {
        long group = -500;
        fake.pushChatMessage(group, "group", 501, "/help", "en");
        fake.pushChatMessage(group, "group", 501, "/help@OtherBot", "en");
        fake.pushChatMessage(group, "group", 501, "hello everyone", "en");
        fake.push("edited_message", fake.message(group, "group", 501, "/help@qazdigest_bot", "en"));
        fake.push("channel_post", fake.message(-1001, "channel", 0, "/help@qazdigest_bot", null));
        ObjectNode photo = fake.message(group, "supergroup", 501, null, "en");
        photo.remove("text");
        photo.putArray("photo").addObject().put("file_id", "AgAD").put("file_unique_id", "u1").put("width", 90).put("height", 90);
        fake.push("message", photo);
        ObjectNode join = fake.message(group, "group", 501, null, "en");
        join.remove("text");
        join.putArray("new_chat_members").addObject().put("id", 777).put("is_bot", false).put("first_name", "New");
        fake.push("message", join);
        fake.pushChatMessage(group, "group", 501, "/help@qazdigest_bot", "ru");
        fake.pushChatMessage(group, "supergroup", 501, "/start@QazDigest_Bot", "ru");
        await().atMost(WAIT).until(() -> fake.sentTexts(group).size() == 2);
        assertThat(fake.sentTexts(group).get(0)).isEqualTo(m.get("ru", "help"));
        assertThat(fake.sentTexts(group).get(1)).startsWith(m.get("ru", "start.welcome"));
        assertThat(store.find(group).orElseThrow().chatType()).isEqualTo("supergroup");
        assertThat(store.find(group).orElseThrow().userId()).isEqualTo(501L);
        assertThat(say(502, "/help", "en")).isEqualTo(m.get("en", "help"));
        assertThat(fake.sentTexts(-1001)).isEmpty();
    }

    @Test
    void aFailingHandlerApologisesAndTheNextUpdateIsHandled() {
        statsBroken = true;
        assertThat(say(900, "/stats", "kk")).isEqualTo(m.get("kk", "error.apology"));
        statsBroken = false;
        assertThat(say(900, "/stats", "kk")).startsWith(prefix("kk", "stats"));
    }

    @Test
    void aRestartNeitherReplaysNorLosesUpdates() {
        long user = 600;
        say(user, "/start", "en");
        say(user, "/help", "en");
        stopBot();
        fake.pushMessage(user, "/mytopics", "en");
        fake.pushMessage(user, "/stop", "en");
        startBot();
        await().atMost(WAIT).until(() -> fake.sentTexts(user).size() >= 4);
        assertThat(fake.sentTexts(user)).hasSize(4);
        assertThat(fake.sentTexts(user).get(2)).startsWith(m.get("en", "mytopics.none"));
        assertThat(fake.sentTexts(user).get(3)).isEqualTo(m.get("en", "stop.done"));
        assertThat(say(user, "/start", "en")).startsWith(m.get("en", "start.resumed"));
        assertThat(fake.sentTexts(user).stream().filter(t -> t.startsWith(m.get("en", "start.welcome")))).hasSize(1);
    }

    @Test
    void aHangingPollDoesNotDelayOtherChats() throws Exception {
        feeds.pollGate = new CountDownLatch(1);
        assertThat(say(900, "/poll", "en")).isEqualTo(m.get("en", "poll.started"));
        assertThat(feeds.pollEntered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(say(701, "/start", "kk")).startsWith(m.get("kk", "start.welcome"));
        assertThat(say(702, "/help", "ru")).isEqualTo(m.get("ru", "help"));
        assertThat(fake.sentTexts(900)).hasSize(1);
        feeds.pollGate.countDown();
        await().atMost(WAIT).until(() -> fake.sentTexts(900).size() == 2);
        assertThat(fake.sentTexts(900).get(1)).isEqualTo(m.get("en", "poll.done", 2, 1, 5));
    }

    @Test
    void aBroadcastKeepsTheAdminsFormattingShiftedPastTheCommand() {
        String text = "/broadcast 👋 Hello *world*";
        ObjectNode message = fake.message(900, "private", 900, text, "en");
        ArrayNode entities = (ArrayNode) message.get("entities");
        entities.addObject().put("type", "bold").put("offset", text.indexOf("world")).put("length", 5);
        entities.addObject().put("type", "text_link").put("offset", text.indexOf("Hello")).put("length", 5)
                .put("url", "https://example.org/");
        fake.push("message", message);
        await().atMost(WAIT).until(() -> broadcasts.calls.size() == 1);
        TestCapabilities.Broadcasts.Call call = broadcasts.calls.get(0);
        assertThat(call.text()).isEqualTo("👋 Hello *world*");
        assertThat(call.entities()).containsExactly(
                new OutgoingMessage.TextEntity("bold", "👋 Hello *".length(), 5, null, null, null),
                new OutgoingMessage.TextEntity("text_link", 3, 5, "https://example.org/", null, null));
        await().atMost(WAIT).until(() -> fake.sentTexts(900).size() == 1);
    }

    @Test
    void aFloodOfUnknownCommandsEarnsAFewHints() {
        long user = 800;
        for (int i = 0; i < 50; i++) {
            fake.pushMessage(user, "/nonsense" + i, "en");
        }
        fake.pushMessage(user, "/help", "en");
        await().atMost(WAIT).until(() -> fake.sentTexts(user).contains(m.get("en", "help")));
        assertThat(fake.sentTexts(user)).containsExactly(m.get("en", "hint.unknown_command", "/nonsense0"),
                m.get("en", "hint.unknown_command", "/nonsense1"), m.get("en", "hint.unknown_command", "/nonsense2"),
                m.get("en", "help"));
    }

    @Test
    void duplicateUpdatesAreHandledOnce() throws Exception {
        long user = 850;
        ObjectNode update = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        update.put("update_id", 1); // below the fake's own ids, which start at 1000
        update.set("message", fake.message(user, "private", user, "/help", "en"));
        org.telegram.telegrambots.meta.api.objects.Update parsed = new com.fasterxml.jackson.databind.ObjectMapper()
                .treeToValue(update, org.telegram.telegrambots.meta.api.objects.Update.class);
        // Telegram re-sends what was not confirmed; the same update twice in a batch and once more later
        transport.consume(List.of(parsed, parsed));
        transport.consume(List.of(parsed));
        await().atMost(WAIT).until(() -> fake.sentTexts(user).size() == 1);
        assertThat(say(user, "/mytopics", "en")).startsWith(m.get("en", "mytopics.none"));
        assertThat(fake.sentTexts(user)).containsExactly(m.get("en", "help"), fake.sentTexts(user).get(1));
        assertThat(new UpdateOffsets(db).next()).isGreaterThan(1000);
    }
}
