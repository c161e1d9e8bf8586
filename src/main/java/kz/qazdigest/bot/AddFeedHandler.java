package kz.qazdigest.bot;

import java.net.URI;
import java.util.Optional;

/** /addfeed <url> (admins): checks the URL, then lets the feed code fetch it once and keep it if it is a feed. */
final class AddFeedHandler implements CommandHandler {
    private final FeedAdmin feeds;
    private final FeedUrlPolicy policy;
    private final BackgroundWork work;

    AddFeedHandler(FeedAdmin feeds, FeedUrlPolicy policy, BackgroundWork work) {
        this.feeds = feeds;
        this.policy = policy;
        this.work = work;
    }

    @Override
    public void handle(Request request) {
        Optional<URI> uri = policy.parse(request.args());
        if (uri.isEmpty()) {
            request.reply("addfeed.usage");
            return;
        }
        request.reply("addfeed.checking"); // first, so it arrives before the result
        boolean queued = work.submit(request, "addfeed", () -> {
            Optional<FeedUrlPolicy.Refusal> refusal = policy.refuse(uri.get());
            if (refusal.isPresent()) {
                request.reply(refusal.get().key(), refusal.get().detail());
                return;
            }
            FeedAdmin.AddResult result = feeds.add(uri.get());
            switch (result.outcome()) {
                case ADDED -> request.reply("addfeed.added", Long.toString(result.feedId()), title(result));
                case ALREADY_PRESENT -> request.reply("addfeed.present", Long.toString(result.feedId()), title(result));
                case REFUSED -> request.reply("addfeed.refused", TopicResolver.shown(String.valueOf(result.reason())));
            }
        });
        if (!queued) {
            request.reply("error.busy");
        }
    }

    private static String title(FeedAdmin.AddResult result) {
        return result.title() == null ? "—" : result.title();
    }
}
