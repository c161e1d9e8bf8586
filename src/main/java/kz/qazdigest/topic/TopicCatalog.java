package kz.qazdigest.topic;

import java.util.List;
import java.util.Optional;

/** The topics a subscriber can choose, as the bot and the digest see them. */
public interface TopicCatalog {

    /** Every topic, in display order (grouped by category). */
    List<TopicInfo> topics();

    /** A topic by id or by a display name in any language, case-insensitively. */
    Optional<TopicInfo> find(String idOrName);

    /** The closest topics to an unknown name, best first. */
    List<TopicInfo> suggest(String name, int max);
}
