package kz.qazdigest.bot;

import java.util.Optional;
import kz.qazdigest.store.SubscriberStore;
import kz.qazdigest.topic.TopicCatalog;
import kz.qazdigest.topic.TopicInfo;

/**
 * Presses on the topic keyboard: toggles a topic or turns the page, then edits the same message in place
 * and answers the callback (Telegram shows a spinner until it is answered).
 */
final class TopicButtons implements CommandHandler {
    private final SubscriberStore store;
    private final TopicCatalog catalog;
    private final TopicKeyboard keyboard;
    private final CallbackAnswers answers;

    TopicButtons(SubscriberStore store, TopicCatalog catalog, TopicKeyboard keyboard, CallbackAnswers answers) {
        this.store = store;
        this.catalog = catalog;
        this.keyboard = keyboard;
        this.answers = answers;
    }

    @Override
    public void handle(Request request) {
        Incoming in = request.incoming();
        String data = in.callbackData() == null ? "" : in.callbackData();
        if (data.equals(TopicKeyboard.NOOP)) {
            answers.answer(in.callbackId(), "");
            return;
        }
        if (data.startsWith(TopicKeyboard.PAGE)) {
            Optional<Integer> page = number(data.substring(TopicKeyboard.PAGE.length()));
            if (page.isEmpty()) {
                answers.answer(in.callbackId(), request.text("callback.stale"));
                return;
            }
            edit(request, page.get());
            answers.answer(in.callbackId(), "");
            return;
        }
        if (data.startsWith(TopicKeyboard.TOGGLE)) {
            String[] parts = data.substring(TopicKeyboard.TOGGLE.length()).split(":", 2);
            Optional<Integer> page = number(parts[0]);
            Optional<TopicInfo> topic = parts.length == 2
                    ? catalog.find(parts[1]).filter(t -> t.id().equals(parts[1])) : Optional.empty();
            if (page.isEmpty() || topic.isEmpty()) {
                answers.answer(in.callbackId(), request.text("callback.stale"));
                return;
            }
            store.ensure(in.chatId(), in.chatType(), in.userId(), request.lang());
            boolean now = store.toggle(in.chatId(), topic.get().id());
            edit(request, page.get());
            String name = topic.get().name(request.lang());
            answers.answer(in.callbackId(), request.text(now ? "callback.added" : "callback.removed", name));
            return;
        }
        answers.answer(in.callbackId(), request.text("callback.stale"));
    }

    private void edit(Request request, int page) {
        request.send(keyboard.render(request, store.topics(request.chatId()), page)
                .editing(request.incoming().callbackMessageId()));
    }

    private static Optional<Integer> number(String text) {
        if (!text.matches("\\d{1,4}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text));
    }
}
