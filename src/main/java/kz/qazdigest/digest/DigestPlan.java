package kz.qazdigest.digest;

import java.util.List;

/** What one chat's digest shows: sections by topic, each with the chosen edition of each story. */
public record DigestPlan(List<Section> sections) {
    public DigestPlan {
        sections = List.copyOf(sections);
    }

    /** @param carried every edition of the story: all count as delivered once the message is accepted */
    public record Entry(DigestItem item, List<Long> carried) {}

    public record Section(String topicId, List<Entry> entries) {
        public Section {
            entries = List.copyOf(entries);
        }
    }

    public int itemCount() {
        return sections.stream().mapToInt(s -> s.entries().size()).sum();
    }

    public boolean isEmpty() {
        return sections.isEmpty();
    }
}
