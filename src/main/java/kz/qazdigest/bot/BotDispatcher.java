package kz.qazdigest.bot;

import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;
import kz.qazdigest.i18n.Messages;
import kz.qazdigest.store.SubscriberStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each update to its handler, transport-neutral (Telegram and the console share it): group
 * addressing, admin checks, the chat's language, and the safety net that turns a handler's failure into an
 * apology so the next update is handled as usual.
 */
public final class BotDispatcher {
    private static final Logger log = LoggerFactory.getLogger(BotDispatcher.class);

    /** A command's handler and whether only admins may run it. */
    record Route(CommandHandler handler, boolean adminOnly) {}

    private final Map<String, Route> routes;
    private final CommandHandler buttons;
    private final SubscriberStore store;
    private final Messages messages;
    private final Replies replies;
    private final LongPredicate admins;

    BotDispatcher(Map<String, Route> routes, CommandHandler buttons, SubscriberStore store, Messages messages,
                  Replies replies, LongPredicate admins) {
        this.routes = Map.copyOf(routes);
        this.buttons = buttons;
        this.store = store;
        this.messages = messages;
        this.replies = replies;
        this.admins = admins;
    }

    /** Handles one update; never throws (a broken update must not stop the loop). */
    public void handle(Incoming in) {
        String lang = Messages.supportedLanguage(in.languageCode());
        try {
            lang = store.find(in.chatId()).map(SubscriberStore.Subscriber::lang).orElse(lang);
            route(in, lang);
        } catch (RuntimeException e) {
            log.error("bot: handling update_id={} chat_id={} failed", in.updateId(), in.chatId(), e);
            apologise(in, lang);
        }
    }

    private void route(Incoming in, String lang) {
        if (in.isCallback()) {
            buttons.handle(new Request(in, null, lang, messages, replies));
            return;
        }
        if (in.text() == null || in.text().isBlank()) {
            log.debug("bot: update_id={} has no text (photo, sticker, join...): ignored", in.updateId());
            return;
        }
        Optional<Command> parsed = Command.parse(in.text());
        if (parsed.isEmpty()) {
            if (!in.isGroup()) { // free text in a group is people talking to each other
                new Request(in, null, lang, messages, replies).hint("hint.free_text");
            }
            return;
        }
        Command command = parsed.get();
        if (!command.isFor(in.botUsername(), in.isGroup())) {
            return;
        }
        Request request = new Request(in, command, lang, messages, replies);
        Route route = routes.get(command.name());
        if (route == null) {
            request.hint("hint.unknown_command", "/" + TopicResolver.shown(command.name()));
            return;
        }
        if (route.adminOnly()) {
            if (!admins.test(in.userId())) {
                log.warn("bot: refused admin command /{} user_id={} chat_id={}", command.name(), in.userId(), in.chatId());
                request.reply("admin.refused");
                return;
            }
            log.info("bot: admin action /{} user_id={} chat_id={} args_chars={}", command.name(), in.userId(), in.chatId(),
                    command.args().length());
        }
        route.handler().handle(request);
    }

    private void apologise(Incoming in, String lang) {
        try {
            Request request = new Request(in, null, lang, messages, replies);
            request.reply("error.apology");
            if (in.isCallback()) {
                log.debug("bot: callback {} left unanswered after a failure", in.callbackId());
            }
        } catch (RuntimeException e) {
            log.error("bot: could not even apologise to chat_id={}", in.chatId(), e);
        }
    }
}
