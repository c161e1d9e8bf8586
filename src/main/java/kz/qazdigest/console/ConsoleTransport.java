package kz.qazdigest.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import kz.qazdigest.bot.BotDispatcher;
import kz.qazdigest.bot.CallbackAnswers;
import kz.qazdigest.bot.Incoming;
import kz.qazdigest.delivery.OutgoingMessage.TextEntity;

/**
 * The bot over stdin/stdout: each line is a message from the console user (an admin), a number presses
 * that button of the last keyboard. At the end of input it waits for every pending reply, then returns.
 */
public final class ConsoleTransport {
    public static final long CONSOLE_CHAT = 1L;
    public static final long CONSOLE_USER = 1L;
    static final String BOT_USERNAME = "qazdigest_console";

    /** Waits until everything queued so far has been shown (background work, then the outbox). */
    @FunctionalInterface
    public interface Drain {
        void awaitDelivered();
    }

    private final BotDispatcher dispatcher;
    private final ConsoleGateway gateway;
    private final Drain drain;
    private final String lang;

    public ConsoleTransport(BotDispatcher dispatcher, ConsoleGateway gateway, Drain drain, String lang) {
        this.dispatcher = dispatcher;
        this.gateway = gateway;
        this.drain = drain;
        this.lang = lang;
    }

    /** Button presses on the console: the toast is printed under the keyboard. */
    public static CallbackAnswers callbackAnswers(ConsoleGateway gateway) {
        return (id, text) -> gateway.toast(text);
    }

    /** Reads lines until the end of input; returns the exit code (0). */
    public int run(InputStream in) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        long updateId = 0;
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                String text = line.strip();
                if (text.isEmpty()) {
                    continue;
                }
                updateId++;
                dispatcher.handle(toIncoming(updateId, text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("console: reading input failed: " + e.getMessage(), e);
        }
        drain.awaitDelivered();
        return 0;
    }

    private Incoming toIncoming(long updateId, String text) {
        if (text.matches("\\d{1,3}")) {
            // a number presses a button of the last keyboard shown; with piped input the keyboard may still be in
            // the outbox, so let it reach the screen first
            drain.awaitDelivered();
            Optional<ConsoleGateway.Choice> choice = gateway.choice(Integer.parseInt(text));
            if (choice.isPresent()) {
                return Incoming.callback(updateId, CONSOLE_CHAT, "private", CONSOLE_USER, lang, "console-" + updateId,
                        choice.get().callbackData(), choice.get().messageId(), BOT_USERNAME);
            }
        }
        List<TextEntity> entities = List.of();
        if (text.startsWith("/")) { // as Telegram marks it, so /broadcast shifts entities the same way
            int end = text.indexOf(' ');
            entities = List.of(new TextEntity("bot_command", 0, end < 0 ? text.length() : end, null, null, null));
        }
        return Incoming.message(updateId, CONSOLE_CHAT, "private", CONSOLE_USER, lang, text, entities, BOT_USERNAME);
    }
}
