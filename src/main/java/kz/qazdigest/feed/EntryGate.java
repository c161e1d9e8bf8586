package kz.qazdigest.feed;

import kz.qazdigest.store.Feed;

/**
 * Which new entries wait for their full article before digests may offer them (issue 6): such an entry is
 * stored with ready = 0 and finished by the full-text job. {@link #NONE} holds nothing back.
 */
@FunctionalInterface
public interface EntryGate {
    EntryGate NONE = (feed, entry) -> false;

    boolean holdsBack(Feed feed, ParsedEntry entry);
}
