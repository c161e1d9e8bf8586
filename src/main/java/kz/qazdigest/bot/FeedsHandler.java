package kz.qazdigest.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.qazdigest.delivery.OutgoingMessage;
import kz.qazdigest.store.ArticlePageStore;

/**
 * /feeds (admins): each feed's kind and health and, for feeds whose teasers go to the full-text job, how their
 * article pages went; in as many messages as it takes (4096 characters each).
 */
final class FeedsHandler implements CommandHandler {
    /** Errors come from servers and fetchers: one line each, cut to this many characters. */
    static final int ERROR_CHARS = 300;
    static final int TITLE_CHARS = 120;

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
            String title = f.title() == null ? "—" : OneLine.of(f.title(), TITLE_CHARS);
            String entry = request.text("feeds.entry", Long.toString(f.id()), title, f.url(),
                    success, status, f.failures(), String.format(Locale.ROOT, "%.1f", f.itemsPerDay()),
                    f.kind() == null ? "rss" : f.kind());
            if (f.lastError() != null && !f.lastError().isBlank()) {
                entry += "\n" + request.text("feeds.error", OneLine.of(f.lastError(), ERROR_CHARS));
            }
            ArticlePageStore.FeedCounts pages = f.fullText();
            if (pages != null) {
                entry += "\n" + request.text("feeds.fulltext", pages.pending(), pages.extracted(), pages.teaserKept(),
                        pages.keptTeaser(), pages.refused(), pages.gaveUp());
                if (pages.lastError() != null && !pages.lastError().isBlank()) {
                    entry += "\n" + request.text("feeds.fulltext_error", OneLine.of(pages.lastError(), ERROR_CHARS));
                }
            }
            entries.add(entry);
        }
        for (String chunk : Chunks.of(entries, "\n\n", Replies.MAX_CHARS)) {
            request.send(OutgoingMessage.plain(chunk));
        }
    }
}
