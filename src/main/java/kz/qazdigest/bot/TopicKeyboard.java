package kz.qazdigest.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.qazdigest.delivery.OutgoingMessage;
import kz.qazdigest.delivery.OutgoingMessage.InlineButton;
import kz.qazdigest.topic.TopicCatalog;
import kz.qazdigest.topic.TopicInfo;

/**
 * The /topics inline keyboard: topics grouped by category (a header button per category), two per row,
 * ✅ on the followed ones, split into pages with ◀ ▶ buttons. Callback data stays far below 64 bytes:
 * {@code tt:<page>:<topicId>} toggles, {@code tp:<page>} turns the page, {@code tn} does nothing.
 */
final class TopicKeyboard {
    static final String TOGGLE = "tt:";
    static final String PAGE = "tp:";
    static final String NOOP = "tn";
    static final int ROWS_PER_PAGE = 8;
    private static final int PER_ROW = 2;

    private final TopicCatalog catalog;

    TopicKeyboard(TopicCatalog catalog) {
        this.catalog = catalog;
    }

    int pages() {
        return Math.max(1, layout().size());
    }

    /** The page's message: a short text and its buttons. */
    OutgoingMessage render(Request request, Set<String> followed, int page) {
        List<List<Row>> pages = layout();
        int total = Math.max(1, pages.size());
        int p = Math.floorMod(page, total);
        List<List<InlineButton>> rows = new ArrayList<>();
        if (!pages.isEmpty()) {
            for (Row row : pages.get(p)) {
                if (row.header() != null) {
                    rows.add(List.of(new InlineButton("· " + categoryName(request, row.header()) + " ·", NOOP)));
                } else {
                    List<InlineButton> buttons = new ArrayList<>();
                    for (TopicInfo topic : row.topics()) {
                        String mark = followed.contains(topic.id()) ? "✅ " : "";
                        buttons.add(new InlineButton(mark + topic.name(request.lang()), TOGGLE + p + ":" + topic.id()));
                    }
                    rows.add(buttons);
                }
            }
        }
        if (total > 1) {
            rows.add(List.of(
                    new InlineButton("◀", PAGE + Math.floorMod(p - 1, total)),
                    new InlineButton((p + 1) + " / " + total, NOOP),
                    new InlineButton("▶", PAGE + Math.floorMod(p + 1, total))));
        }
        String text = request.text("topics.keyboard", followed.size(), p + 1, total);
        return OutgoingMessage.plain(text).withKeyboard(rows);
    }

    private record Row(String header, List<TopicInfo> topics) {}

    /** Rows of every page; a category header never ends a page, and repeats when its category spills over. */
    private List<List<Row>> layout() {
        List<List<Row>> pages = new ArrayList<>();
        List<Row> page = new ArrayList<>();
        String category = null;
        List<TopicInfo> pending = new ArrayList<>();
        List<TopicInfo> topics = catalog.topics().stream()
                .filter(t -> (TOGGLE + "99:" + t.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 64)
                .toList();
        for (int i = 0; i <= topics.size(); i++) {
            TopicInfo topic = i < topics.size() ? topics.get(i) : null;
            boolean newCategory = topic != null && !topic.category().equals(category);
            if (!pending.isEmpty() && (topic == null || newCategory || pending.size() == PER_ROW)) {
                boolean header = !sameCategory(page, category);
                if (page.size() + (header ? 2 : 1) > ROWS_PER_PAGE) {
                    pages.add(page);
                    page = new ArrayList<>();
                    header = true;
                }
                if (header) {
                    page.add(new Row(category, List.of()));
                }
                page.add(new Row(null, List.copyOf(pending)));
                pending.clear();
            }
            if (topic != null) {
                category = topic.category();
                pending.add(topic);
            }
        }
        if (!page.isEmpty()) {
            pages.add(page);
        }
        return pages;
    }

    /** Whether the page's last header is {@code category} (so its rows need no new header). */
    private static boolean sameCategory(List<Row> page, String category) {
        for (int i = page.size() - 1; i >= 0; i--) {
            if (page.get(i).header() != null) {
                return page.get(i).header().equals(category);
            }
        }
        return false;
    }

    static String categoryName(Request request, String category) {
        String key = "category." + category;
        try {
            return request.text(key);
        } catch (IllegalStateException e) {
            // a category added to topics.yml before the bundles learnt its name: show it as written
            return category;
        }
    }
}
