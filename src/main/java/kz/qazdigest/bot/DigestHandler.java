package kz.qazdigest.bot;

import kz.qazdigest.digest.DigestTrigger;
import kz.qazdigest.store.SubscriberStore;

/** /digest: every recent matching item not yet sent, now; built off the update thread. */
final class DigestHandler implements CommandHandler {
    private final SubscriberStore store;
    private final DigestTrigger digests;
    private final BackgroundWork work;

    DigestHandler(SubscriberStore store, DigestTrigger digests, BackgroundWork work) {
        this.store = store;
        this.digests = digests;
        this.work = work;
    }

    @Override
    public void handle(Request request) {
        Incoming in = request.incoming();
        SubscriberStore.Subscriber subscriber = store.ensure(in.chatId(), in.chatType(), in.userId(), request.lang());
        if (!subscriber.active()) {
            request.reply("digest.stopped");
            return;
        }
        if (store.topics(in.chatId()).isEmpty()) {
            request.reply("digest.no_topics");
            return;
        }
        boolean queued = work.submit(request, "digest", () -> {
            int items = digests.sendNow(in.chatId());
            if (items == 0) {
                request.reply("digest.nothing_new");
            } else {
                request.reply("digest.sending", items);
            }
        });
        if (!queued) {
            request.reply("error.busy");
        }
    }
}
