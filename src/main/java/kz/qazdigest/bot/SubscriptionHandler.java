package kz.qazdigest.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.qazdigest.store.SubscriberStore;
import kz.qazdigest.topic.TopicCatalog;
import kz.qazdigest.topic.TopicInfo;

/** /subscribe and /unsubscribe: several topics at once, by id or name; unknown ones get suggestions. */
final class SubscriptionHandler implements CommandHandler {
    private static final int MAX_UNKNOWN_LISTED = 10;

    private final SubscriberStore store;
    private final TopicCatalog catalog;
    private final TopicResolver resolver;
    private final boolean subscribe;

    SubscriptionHandler(SubscriberStore store, TopicCatalog catalog, boolean subscribe) {
        this.store = store;
        this.catalog = catalog;
        this.resolver = new TopicResolver(catalog);
        this.subscribe = subscribe;
    }

    @Override
    public void handle(Request request) {
        String prefix = subscribe ? "subscribe." : "unsubscribe.";
        int words = TopicResolver.words(request.args());
        if (words == 0) {
            request.reply(prefix + "usage");
            return;
        }
        if (words > TopicResolver.MAX_WORDS) {
            request.reply("topics.too_many", TopicResolver.MAX_WORDS);
            return;
        }
        TopicResolver.Resolution resolution = resolver.resolve(request.args());
        List<String> lines = new ArrayList<>();
        List<String> ids = resolution.found().stream().map(TopicInfo::id).toList();
        if (!ids.isEmpty()) {
            Incoming in = request.incoming();
            store.ensure(in.chatId(), in.chatType(), in.userId(), request.lang());
            Set<String> changed = subscribe ? store.subscribe(in.chatId(), ids) : store.unsubscribe(in.chatId(), ids);
            List<String> unchanged = ids.stream().filter(id -> !changed.contains(id)).toList();
            if (!changed.isEmpty()) {
                lines.add(request.text(prefix + "done", TopicNames.ofIds(catalog, changed, request.lang())));
            }
            if (!unchanged.isEmpty()) {
                lines.add(request.text(prefix + "unchanged", TopicNames.ofIds(catalog, unchanged, request.lang())));
            }
        }
        List<TopicResolver.Unknown> unknown = resolution.unknown();
        for (TopicResolver.Unknown u : unknown.subList(0, Math.min(unknown.size(), MAX_UNKNOWN_LISTED))) {
            if (u.suggestions().isEmpty()) {
                lines.add(request.text("topics.unknown", u.name()));
            } else {
                String suggestions = u.suggestions().stream().map(t -> t.name(request.lang()) + " (" + t.id() + ")")
                        .collect(Collectors.joining(", "));
                lines.add(request.text("topics.unknown_suggest", u.name(), suggestions));
            }
        }
        if (unknown.size() > MAX_UNKNOWN_LISTED) {
            lines.add(request.text("topics.unknown_more", unknown.size() - MAX_UNKNOWN_LISTED));
        }
        if (!unknown.isEmpty()) {
            lines.add(request.text("topics.see_all"));
        }
        request.send(kz.qazdigest.delivery.OutgoingMessage.plain(String.join("\n", lines)));
    }
}
