package kz.qazdigest.bot;

import kz.qazdigest.delivery.OutgoingMessage;
import kz.qazdigest.store.SubscriberStore;

/** /start: registers the chat (or resumes it after /stop, topics kept), greets, and offers the topics. */
final class StartHandler implements CommandHandler {
    private final SubscriberStore store;
    private final TopicKeyboard keyboard;

    StartHandler(SubscriberStore store, TopicKeyboard keyboard) {
        this.store = store;
        this.keyboard = keyboard;
    }

    @Override
    public void handle(Request request) {
        Incoming in = request.incoming();
        SubscriberStore.Started started = store.start(in.chatId(), in.chatType(), in.userId(), request.lang());
        Request answer = request.inLanguage(started.subscriber().lang());
        String key = started.created() ? "start.welcome" : started.resumed() ? "start.resumed" : "start.already";
        OutgoingMessage topics = keyboard.render(answer, store.topics(in.chatId()), 0);
        answer.send(OutgoingMessage.plain(answer.text(key) + "\n\n" + topics.text()).withKeyboard(topics.keyboard()));
    }
}
