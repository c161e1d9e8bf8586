package kz.qazdigest.digest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import kz.qazdigest.delivery.OutgoingMessage;
import kz.qazdigest.i18n.Messages;
import kz.qazdigest.topic.TopicCatalog;

/**
 * Turns a {@link DigestPlan} into Telegram HTML messages of at most 4096 UTF-16 units, split between items.
 * Every piece of feed text is escaped; links are http(s) only; an item too long for one message is shortened
 * in its plain text (summary first, then title) before escaping, so no cut ever lands inside a tag or entity.
 * Link previews are off.
 */
public final class DigestRenderer {
    public static final int TELEGRAM_LIMIT = 4096;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final String GAP = "\n\n";

    /** One message and the items it carries (every edition of each story shown). */
    public record Part(OutgoingMessage message, List<Long> itemIds) {
        public Part {
            itemIds = List.copyOf(itemIds);
        }
    }

    private final TopicCatalog catalog;
    private final Messages words;
    private final int limit;

    public DigestRenderer(TopicCatalog catalog) {
        this(catalog, new Messages("digest"), TELEGRAM_LIMIT);
    }

    DigestRenderer(TopicCatalog catalog, Messages words, int limit) {
        this.catalog = catalog;
        this.words = words;
        this.limit = limit;
    }

    public List<Part> render(DigestPlan plan, String lang, ZoneId zone) {
        List<Part> parts = new ArrayList<>();
        if (plan.isEmpty()) {
            return parts;
        }
        String header = "<b>" + Html.escape(words.get(lang, "header", plan.itemCount())) + "</b>";
        StringBuilder text = new StringBuilder(header);
        List<Long> carried = new ArrayList<>();
        for (DigestPlan.Section section : plan.sections()) {
            String name = Html.escape(topicName(section.topicId(), lang));
            String heading = "<b>" + name + "</b>";
            String continued = "<b>" + name + "</b> " + Html.escape(words.get(lang, "continued"));
            boolean headed = false;
            for (DigestPlan.Entry entry : section.entries()) {
                // budgeted so that any item fits a fresh message, even the first one under the header
                int budget = limit - header.length() - GAP.length() - continued.length() - GAP.length();
                String block = item(entry.item(), zone, budget);
                String prefix = headed ? "" : GAP + heading;
                if (!carried.isEmpty() && text.length() + prefix.length() + GAP.length() + block.length() > limit) {
                    parts.add(part(text, carried));
                    text = new StringBuilder(headed ? continued : heading);
                    carried = new ArrayList<>();
                } else {
                    text.append(prefix);
                }
                headed = true;
                text.append(GAP).append(block);
                carried.addAll(entry.carried());
            }
        }
        parts.add(part(text, carried));
        return parts;
    }

    private static Part part(StringBuilder text, List<Long> carried) {
        return new Part(OutgoingMessage.html(text.toString()), carried);
    }

    private String topicName(String topicId, String lang) {
        return catalog.find(topicId).map(t -> t.name(lang)).orElse(topicId);
    }

    /** One item, at most {@code budget} units: the summary gives way first, then the title, then the link. */
    String item(DigestItem item, ZoneId zone, int budget) {
        String title = Html.oneLine(item.title());
        // control characters (NUL, tabs, ...) have no place in a message; line breaks do
        String summary = item.summary() == null ? "" : item.summary().replaceAll("[\\p{Cntrl}&&[^\\n]]+", " ").strip();
        String href = Html.safeHref(item.link());
        String meta = Html.oneLine(item.source()) + " · " + TIME.format(Instant.ofEpochMilli(item.publishedAt()).atZone(zone));
        String block = block(title, href, meta, summary);
        if (block.length() <= budget) {
            return block;
        }
        String fitted = fit(summary, s -> block(title, href, meta, s), budget);
        if (fitted != null) {
            return fitted;
        }
        fitted = fit(title, t -> block(t, href, meta, ""), budget);
        if (fitted != null) {
            return fitted;
        }
        return fit(title, t -> block(t, null, meta, ""), budget); // a link longer than a message: drop it
    }

    /** The longest word-boundary shortening of {@code text} whose block fits, or null if even none fits. */
    private static String fit(String text, java.util.function.Function<String, String> blockOf, int budget) {
        int lo = 0;
        int hi = text.length();
        String best = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            String candidate = blockOf.apply(Html.shorten(text, mid));
            if (candidate.length() <= budget) {
                best = candidate;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    private static String block(String title, String href, String meta, String summary) {
        StringBuilder b = new StringBuilder();
        String escapedTitle = Html.escape(title.isEmpty() ? "…" : title);
        if (href != null) {
            b.append("<a href=\"").append(Html.escape(href)).append("\">").append(escapedTitle).append("</a>");
        } else {
            b.append("<b>").append(escapedTitle).append("</b>");
        }
        b.append('\n').append("<i>").append(Html.escape(meta)).append("</i>");
        if (!summary.isEmpty()) {
            b.append('\n').append(Html.escape(summary));
        }
        return b.toString();
    }
}
