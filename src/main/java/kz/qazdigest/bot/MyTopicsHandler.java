package kz.qazdigest.bot;

import java.util.Optional;
import java.util.Set;
import kz.qazdigest.digest.Schedule;
import kz.qazdigest.store.SubscriberStore;
import kz.qazdigest.topic.TopicCatalog;

/** /mytopics: the chat's topics, schedule and state. */
final class MyTopicsHandler implements CommandHandler {
    private final SubscriberStore store;
    private final TopicCatalog catalog;

    MyTopicsHandler(SubscriberStore store, TopicCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    @Override
    public void handle(Request request) {
        Set<String> topics = store.topics(request.chatId());
        StringBuilder text = new StringBuilder(topics.isEmpty()
                ? request.text("mytopics.none")
                : request.text("mytopics.list", topics.size(), TopicNames.ofIds(catalog, topics, request.lang())));
        Optional<SubscriberStore.Subscriber> subscriber = store.find(request.chatId());
        subscriber.ifPresent(s -> {
            text.append('\n').append(request.text("mytopics.schedule", ScheduleText.describe(request, Schedule.of(s.schedule()))));
            if (!s.active()) {
                text.append('\n').append(request.text("mytopics.stopped"));
            }
        });
        request.send(kz.qazdigest.delivery.OutgoingMessage.plain(text.toString()));
    }
}
