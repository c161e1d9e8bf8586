package kz.qazdigest.bot;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.qazdigest.delivery.TelegramGateway;
import kz.qazdigest.i18n.Messages;
import kz.qazdigest.store.Database;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Telegram long polling into the {@link BotDispatcher}. Our own threads throughout (daemon, closed on stop):
 * one polls, one handles updates in order; TelegramBots' shared consumer executor is not used. The offset
 * lives in bot_state, so a restart neither replays nor loses updates, and duplicates are skipped.
 */
public final class TelegramTransport implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramTransport.class);
    private static final int POLL_TIMEOUT_SECONDS = 50;
    private static final Duration WAIT_FOR_HANDLING = Duration.ofSeconds(5);

    private final String token;
    private final TelegramUrl url;
    private final TelegramClient client;
    private final BotDispatcher dispatcher;
    private final Messages messages;
    private final Set<Long> adminIds;
    private final UpdateOffsets offsets;
    private final OkHttpClient pollHttp = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(POLL_TIMEOUT_SECONDS + 25))
            .build();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(daemon("telegram-poller"));
    private final ExecutorService handler = Executors.newSingleThreadExecutor(daemon("telegram-updates"));
    private TelegramBotsLongPollingApplication application;
    private BotSession session;
    private volatile String username;

    public TelegramTransport(String token, URI apiUrl, TelegramClient client, Database db, BotDispatcher dispatcher,
                             Messages messages, Set<Long> adminIds) {
        this.token = token;
        this.url = TelegramGateway.telegramUrl(apiUrl);
        this.client = client;
        this.dispatcher = dispatcher;
        this.messages = messages;
        this.adminIds = Set.copyOf(adminIds);
        this.offsets = new UpdateOffsets(db);
    }

    /** Button presses answered straight through the client (not a chat message, so not paced). */
    public static CallbackAnswers callbackAnswers(TelegramClient client) {
        return (id, text) -> {
            try {
                client.execute(AnswerCallbackQuery.builder().callbackQueryId(id).text(text == null || text.isEmpty() ? null : text)
                        .build());
            } catch (TelegramApiException e) {
                log.debug("telegram: answerCallbackQuery failed: {}", e.getMessage()); // the spinner times out by itself
            }
        };
    }

    /** Learns the bot's username, installs the command menus, then starts polling (deleteWebhook first). */
    public void start() {
        try {
            username = client.execute(new GetMe()).getUserName();
        } catch (TelegramApiException e) {
            throw new IllegalStateException("telegram: getMe failed (check TELEGRAM_BOT_TOKEN and TELEGRAM_API_URL): "
                    + e.getMessage(), e);
        }
        CommandMenus.install(client, messages, adminIds);
        application = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> pollHttp, () -> poller);
        try {
            session = application.registerBot(token, () -> url, this::nextRequest, this::consume);
        } catch (TelegramApiException e) {
            throw new IllegalStateException("telegram: cannot start long polling: " + e.getMessage(), e);
        }
        log.info("telegram: polling as @{} from offset {}", username, offsets.next());
    }

    public String username() {
        return username;
    }

    /**
     * The poller's next getUpdates: from our stored offset, once the last batch is handled (so Telegram
     * forgets an update only after we dealt with it, and an idle fake server does not make us spin).
     */
    private GetUpdates nextRequest(Integer lastReceived) {
        try {
            offsets.awaitHandled(lastReceived, WAIT_FOR_HANDLING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return GetUpdates.builder()
                .offset((int) offsets.next())
                .limit(100)
                .timeout(POLL_TIMEOUT_SECONDS)
                .allowedUpdates(List.of("message", "callback_query"))
                .build();
    }

    void consume(List<Update> updates) {
        List<Update> batch = List.copyOf(updates);
        handler.execute(() -> batch.forEach(this::handle));
    }

    private void handle(Update update) {
        long id = update.getUpdateId();
        if (offsets.seen(id)) {
            log.debug("telegram: update_id={} already handled: skipped", id);
            return;
        }
        try {
            UpdateConverter.convert(update, username).ifPresentOrElse(dispatcher::handle,
                    () -> log.debug("telegram: update_id={} is not for us (edit, channel post, member change)", id));
        } catch (RuntimeException e) {
            log.error("telegram: update_id={} could not be read", id, e);
        } finally {
            offsets.handled(id);
        }
    }

    /** Stops polling first, then lets the update in hand finish (its offset gets stored). */
    @Override
    public void close() {
        if (session != null) {
            session.stop();
        }
        pollHttp.dispatcher().cancelAll(); // a getUpdates may hang for 50 s otherwise
        poller.shutdownNow();
        handler.shutdown();
        try {
            if (!handler.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("telegram: updates still being handled at shutdown");
                handler.shutdownNow();
            }
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (application != null) {
            try {
                application.close();
            } catch (Exception e) {
                log.debug("telegram: closing the poller: {}", e.getMessage());
            }
        }
        pollHttp.connectionPool().evictAll();
        pollHttp.dispatcher().executorService().shutdown();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
