package kz.qazdigest.bot;

import kz.qazdigest.store.SubscriberStore;

/** /stop: no more digests or broadcasts until /start. */
final class StopHandler implements CommandHandler {
    private final SubscriberStore store;

    StopHandler(SubscriberStore store) {
        this.store = store;
    }

    @Override
    public void handle(Request request) {
        request.reply(store.stop(request.chatId()) ? "stop.done" : "stop.already");
    }
}
