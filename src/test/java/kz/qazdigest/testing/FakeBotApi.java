package kz.qazdigest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A fake Telegram Bot API on 127.0.0.1 for tests: the real TelegramBots client and long poller talk to it
 * through TELEGRAM_API_URL. It records every call, serves queued updates to getUpdates (holding the
 * request briefly when there are none, as the real long poll does, so the poller does not spin), answers
 * sendMessage / editMessageText / setMyCommands / deleteWebhook / answerCallbackQuery like Telegram, and can
 * be told to fail: per method (next N calls), or per chat (always), with any error code, retry_after,
 * migrate_to_chat_id, or a hang.
 *
 * <p>Method names are matched case-insensitively: TelegramBots calls "sendmessage" but "setMyCommands".
 */
public final class FakeBotApi implements AutoCloseable {
    public static final String TOKEN = "123456:TEST-token";

    static {
        // The JDK server writes headers and body as separate segments; with Nagle on, each answer then waits for
        // the client's delayed ACK (~40 ms), capping a sender at ~20 calls/s per connection. Read once, when the
        // first HttpServer of the JVM starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One recorded request. */
    public record Call(String method, JsonNode body, long atMillis) {
        public String chatId() {
            JsonNode id = body.get("chat_id");
            return id == null ? null : id.asText();
        }

        public String text() {
            JsonNode text = body.get("text");
            return text == null ? null : text.asText();
        }
    }

    /** A scripted failure: HTTP/Bot API error, optional parameters, or a hang before answering. */
    public record Failure(int errorCode, String description, Integer retryAfter, Long migrateToChatId, Duration hang) {
        public static Failure error(int code, String description) {
            return new Failure(code, description, null, null, null);
        }

        public static Failure tooManyRequests(int retryAfterSeconds) {
            return new Failure(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds, null, null);
        }

        public static Failure blocked() {
            return error(403, "Forbidden: bot was blocked by the user");
        }

        public static Failure chatNotFound() {
            return error(400, "Bad Request: chat not found");
        }

        public static Failure migrated(long newChatId) {
            return new Failure(400, "Bad Request: group chat was upgraded to a supergroup chat", null, newChatId, null);
        }

        public static Failure serverError() {
            return error(500, "Internal Server Error");
        }

        public static Failure hang(Duration duration) {
            return new Failure(0, "hang", null, null, duration);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-bot-api");
        t.setDaemon(true);
        return t;
    });
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<ObjectNode> pendingUpdates = new ArrayDeque<>();
    private final Map<String, Deque<Failure>> nextFailures = new ConcurrentHashMap<>();
    private final Map<String, Failure> chatFailures = new ConcurrentHashMap<>();
    private final AtomicInteger nextUpdateId = new AtomicInteger(1000);
    private final AtomicInteger nextMessageId = new AtomicInteger(1);
    private final Object updatesLock = new Object();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Duration emptyPollHold = Duration.ofMillis(300);
    private volatile Predicate<Call> rateLimiter = call -> false;

    public FakeBotApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException("fake bot api: cannot bind", e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The value for TELEGRAM_API_URL. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String token() {
        return TOKEN;
    }

    // ---- updates the bot will receive

    /** Queues a private-chat text message from a user; returns its update_id. */
    public int pushMessage(long userId, String text, String languageCode) {
        return pushChatMessage(userId, "private", userId, text, languageCode);
    }

    /** Queues a text message in any chat (type "private", "group", "supergroup"); returns its update_id. */
    public int pushChatMessage(long chatId, String chatType, long userId, String text, String languageCode) {
        ObjectNode message = message(chatId, chatType, userId, text, languageCode);
        return push("message", message);
    }

    /** Queues a button press on an earlier bot message; returns its update_id. */
    public int pushCallback(long userId, int messageId, String data, String languageCode) {
        ObjectNode query = NODES.objectNode();
        query.put("id", "cb" + nextUpdateId.get());
        query.set("from", user(userId, languageCode));
        ObjectNode msg = message(userId, "private", botId(), "", null);
        msg.put("message_id", messageId);
        msg.set("from", botUser());
        query.set("message", msg);
        query.put("chat_instance", "ci" + userId);
        query.put("data", data);
        return push("callback_query", query);
    }

    /** Queues an arbitrary update body, e.g. {@code "edited_message"} or {@code "channel_post"}. */
    public int push(String kind, JsonNode payload) {
        synchronized (updatesLock) {
            ObjectNode update = NODES.objectNode();
            int id = nextUpdateId.getAndIncrement();
            update.put("update_id", id);
            update.set(kind, payload);
            pendingUpdates.add(update);
            updatesLock.notifyAll();
            return id;
        }
    }

    public ObjectNode message(long chatId, String chatType, long userId, String text, String languageCode) {
        ObjectNode message = NODES.objectNode();
        message.put("message_id", nextMessageId.getAndIncrement());
        message.set("from", user(userId, languageCode));
        ObjectNode chat = NODES.objectNode();
        chat.put("id", chatId);
        chat.put("type", chatType);
        if (!"private".equals(chatType)) {
            chat.put("title", "Test group");
        } else {
            chat.put("first_name", "User" + userId);
        }
        message.set("chat", chat);
        message.put("date", System.currentTimeMillis() / 1000); // "date":0 would deserialize as InaccessibleMessage
        message.put("text", text);
        if (text != null && text.startsWith("/")) {
            int end = text.indexOf(' ');
            ArrayNode entities = message.putArray("entities");
            ObjectNode command = entities.addObject();
            command.put("type", "bot_command");
            command.put("offset", 0);
            command.put("length", end < 0 ? text.length() : end);
        }
        return message;
    }

    private ObjectNode user(long userId, String languageCode) {
        ObjectNode from = NODES.objectNode();
        from.put("id", userId);
        from.put("is_bot", false);
        from.put("first_name", "User" + userId);
        if (languageCode != null) {
            from.put("language_code", languageCode);
        }
        return from;
    }

    private static long botId() {
        return 123456L;
    }

    private static ObjectNode botUser() {
        ObjectNode bot = NODES.objectNode();
        bot.put("id", botId());
        bot.put("is_bot", true);
        bot.put("first_name", "qazdigest");
        bot.put("username", "qazdigest_bot");
        return bot;
    }

    /** How long an empty getUpdates is held before answering [] (the real API holds up to its timeout). */
    public void holdEmptyPolls(Duration hold) {
        this.emptyPollHold = hold;
    }

    // ---- failures

    /** The next call of {@code method} fails as given (queue several for several calls). */
    public void failNext(String method, Failure failure) {
        nextFailures.computeIfAbsent(method.toLowerCase(Locale.ROOT), k -> new ArrayDeque<>()).add(failure);
    }

    /** Every message-sending call to this chat fails as given, until {@link #clearChatFailure}. */
    public void failChat(long chatId, Failure failure) {
        chatFailures.put(Long.toString(chatId), failure);
    }

    public void clearChatFailure(long chatId) {
        chatFailures.remove(Long.toString(chatId));
    }

    /** A rule answering 429 (retry_after 1) when it returns true, e.g. a limit-enforcing window counter. */
    public void rateLimitWhen(Predicate<Call> rule) {
        this.rateLimiter = rule;
    }

    // ---- what happened

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        return calls.stream().filter(c -> c.method().equals(m)).toList();
    }

    /** Texts of messages sent (sendMessage) to a chat, in order. */
    public List<String> sentTexts(long chatId) {
        String id = Long.toString(chatId);
        return calls("sendMessage").stream().filter(c -> id.equals(c.chatId())).map(Call::text).toList();
    }

    // ---- the server

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath(); // /bot<token>/<method>
            String[] parts = path.split("/");
            if (parts.length < 3 || !parts[1].equals("bot" + TOKEN)) {
                respond(exchange, 401, error(401, "Unauthorized"));
                return;
            }
            String method = parts[2].toLowerCase(Locale.ROOT);
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? NODES.objectNode() : parseBody(raw, exchange);
            Call call = new Call(method, body, System.currentTimeMillis());
            if (!method.equals("getupdates")) {
                calls.add(call);
            }
            Failure failure = failureFor(call);
            if (failure != null) {
                if (failure.hang() != null) {
                    hold(failure.hang());
                    respond(exchange, 502, error(502, "Bad Gateway"));
                    return;
                }
                ObjectNode err = error(failure.errorCode(), failure.description());
                if (failure.retryAfter() != null || failure.migrateToChatId() != null) {
                    ObjectNode params = err.putObject("parameters");
                    if (failure.retryAfter() != null) {
                        params.put("retry_after", failure.retryAfter());
                    }
                    if (failure.migrateToChatId() != null) {
                        params.put("migrate_to_chat_id", failure.migrateToChatId());
                    }
                }
                respond(exchange, failure.errorCode(), err);
                return;
            }
            respond(exchange, 200, ok(answer(method, body)));
        } catch (RuntimeException e) {
            respond(exchange, 500, error(500, "fake bot api: " + e));
        }
    }

    private JsonNode parseBody(byte[] raw, HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.startsWith("application/json")) {
            return JSON.readTree(raw);
        }
        // form or multipart: keep the raw text so tests can still look at it
        ObjectNode node = NODES.objectNode();
        node.put("_raw", new String(raw, StandardCharsets.UTF_8));
        return node;
    }

    private Failure failureFor(Call call) {
        Deque<Failure> queue = nextFailures.get(call.method());
        if (queue != null) {
            Failure next = queue.poll();
            if (next != null) {
                return next;
            }
        }
        if (call.chatId() != null && isMessageMethod(call.method())) {
            Failure perChat = chatFailures.get(call.chatId());
            if (perChat != null) {
                return perChat;
            }
            if (rateLimiter.test(call)) {
                return Failure.tooManyRequests(1);
            }
        }
        return null;
    }

    private static boolean isMessageMethod(String method) {
        return method.startsWith("send") || method.startsWith("edit") || method.startsWith("copy")
                || method.startsWith("forward");
    }

    private JsonNode answer(String method, JsonNode body) {
        return switch (method) {
            case "getupdates" -> updates(body);
            case "getme" -> botUser();
            case "sendmessage", "editmessagetext", "editmessagereplymarkup" -> sentMessage(method, body);
            default -> NODES.booleanNode(true); // deleteWebhook, setMyCommands, answerCallbackQuery, ...
        };
    }

    private JsonNode sentMessage(String method, JsonNode body) {
        ObjectNode message = NODES.objectNode();
        int id = method.equals("sendmessage") ? nextMessageId.getAndIncrement() : body.path("message_id").asInt();
        message.put("message_id", id);
        message.set("from", botUser());
        ObjectNode chat = message.putObject("chat");
        chat.put("id", body.path("chat_id").asLong());
        chat.put("type", body.path("chat_id").asLong() < 0 ? "supergroup" : "private");
        message.put("date", System.currentTimeMillis() / 1000);
        message.put("text", body.path("text").asText(""));
        return message;
    }

    private JsonNode updates(JsonNode body) {
        long offset = body.path("offset").asLong(0);
        long deadline = System.currentTimeMillis() + emptyPollHold.toMillis();
        synchronized (updatesLock) {
            while (true) {
                pendingUpdates.removeIf(u -> u.path("update_id").asLong() < offset); // confirmed by the offset
                if (!pendingUpdates.isEmpty()) {
                    ArrayNode result = NODES.arrayNode();
                    int limit = body.path("limit").asInt(100);
                    for (ObjectNode u : pendingUpdates) {
                        if (result.size() >= limit) {
                            break;
                        }
                        result.add(u);
                    }
                    return result;
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return NODES.arrayNode();
                }
                try {
                    updatesLock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return NODES.arrayNode();
                }
            }
        }
    }

    /** Updates queued but not yet confirmed by a later offset. */
    public int unconfirmedUpdates() {
        synchronized (updatesLock) {
            return pendingUpdates.size();
        }
    }

    private static ObjectNode ok(JsonNode result) {
        ObjectNode node = NODES.objectNode();
        node.put("ok", true);
        node.set("result", result);
        return node;
    }

    private static ObjectNode error(int code, String description) {
        ObjectNode node = NODES.objectNode();
        node.put("ok", false);
        node.put("error_code", code);
        node.put("description", description);
        return node;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A scripted hang: holds the request until the duration passes or the fake is closed, whichever is first. */
    private void hold(Duration duration) {
        try {
            closing.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        synchronized (updatesLock) {
            updatesLock.notifyAll();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
