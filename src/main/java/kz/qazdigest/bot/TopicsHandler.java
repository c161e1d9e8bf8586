package kz.qazdigest.bot;

import kz.qazdigest.store.SubscriberStore;

/** /topics: the first page of the topic keyboard. */
final class TopicsHandler implements CommandHandler {
    private final SubscriberStore store;
    private final TopicKeyboard keyboard;

    TopicsHandler(SubscriberStore store, TopicKeyboard keyboard) {
        this.store = store;
        this.keyboard = keyboard;
    }

    @Override
    public void handle(Request request) {
        request.send(keyboard.render(request, store.topics(request.chatId()), 0));
    }
}
