package kz.qazdigest.bot;

/** /poll (admins): fetch every feed now; the admin hears at once that it started and later what it found. */
final class PollHandler implements CommandHandler {
    private final FeedAdmin feeds;
    private final BackgroundWork work;

    PollHandler(FeedAdmin feeds, BackgroundWork work) {
        this.feeds = feeds;
        this.work = work;
    }

    @Override
    public void handle(Request request) {
        request.reply("poll.started"); // first, so it arrives before the result
        boolean queued = work.submit(request, "poll", () -> {
            FeedAdmin.PollSummary summary = feeds.pollAll();
            request.reply("poll.done", summary.feeds(), summary.failed(), summary.newItems());
        });
        if (!queued) {
            request.reply("error.busy");
        }
    }
}
