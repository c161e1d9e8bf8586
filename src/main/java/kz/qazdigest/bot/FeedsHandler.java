package kz.qazdigest.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.qazdigest.delivery.OutgoingMessage;

/** /feeds (admins): each feed's health, in as many messages as it takes (4096 characters each). */
final class FeedsHandler implements CommandHandler {
    private final FeedAdmin feeds;
    private final BackgroundWork work;
    private final String timeZone;

    FeedsHandler(FeedAdmin feeds, BackgroundWork work, String timeZone) {
        this.feeds = feeds;
        this.work = work;
        this.timeZone = timeZone;
    }

    @Override
    public void handle(Request request) {
        if (!work.submit(request, "feeds", () -> list(request))) {
            request.reply("error.busy");
        }
    }

    private void list(Request request) {
        List<FeedAdmin.FeedHealth> all = feeds.feeds();
        if (all.isEmpty()) {
            request.reply("feeds.none");
            return;
        }
        List<String> entries = new ArrayList<>();
        entries.add(request.text("feeds.header", all.size()));
        for (FeedAdmin.FeedHealth f : all) {
            String success = f.lastSuccessAt() == null ? request.text("feeds.never")
                    : ScheduleText.when(f.lastSuccessAt().toEpochMilli(), timeZone);
            String status = f.lastStatus() == null ? "—" : f.lastStatus().toString();
            String entry = request.text("feeds.entry", Long.toString(f.id()), f.title() == null ? "—" : f.title(), f.url(),
                    success, status, f.failures(), String.format(Locale.ROOT, "%.1f", f.itemsPerDay()));
            if (f.lastError() != null && !f.lastError().isBlank()) {
                entry += "\n" + request.text("feeds.error", TopicResolver.shown(f.lastError()));
            }
            entries.add(entry);
        }
        for (String chunk : Chunks.of(entries, "\n\n", Replies.MAX_CHARS)) {
            request.send(OutgoingMessage.plain(chunk));
        }
    }
}
