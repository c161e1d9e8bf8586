package kz.qazdigest.bot;

/** /removefeed <id> (admins). */
final class RemoveFeedHandler implements CommandHandler {
    private final FeedAdmin feeds;
    private final BackgroundWork work;

    RemoveFeedHandler(FeedAdmin feeds, BackgroundWork work) {
        this.feeds = feeds;
        this.work = work;
    }

    @Override
    public void handle(Request request) {
        String arg = request.args().startsWith("#") ? request.args().substring(1) : request.args();
        if (!arg.matches("\\d{1,18}")) {
            request.reply("removefeed.usage");
            return;
        }
        long id = Long.parseLong(arg);
        boolean queued = work.submit(request, "removefeed", () -> feeds.remove(id).ifPresentOrElse(
                f -> request.reply("removefeed.done", Long.toString(id), f.title() == null ? f.url() : f.title()),
                () -> request.reply("removefeed.unknown", Long.toString(id))));
        if (!queued) {
            request.reply("error.busy");
        }
    }
}
