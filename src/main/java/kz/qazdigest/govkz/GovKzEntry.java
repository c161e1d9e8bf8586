package kz.qazdigest.govkz;

import java.time.Instant;

/**
 * One news item of a gov.kz listing in one language. guid is unique per item and language
 * ("govkz:mfa:1098765:kk"); storyKey is shared by the kk, ru and en editions of the same story
 * ("govkz:mfa:1098765"); bodyText is clean text, one paragraph per line; publishedAt may be null.
 */
public record GovKzEntry(String guid, String storyKey, String lang, String link, String title, String bodyText,
                         Instant publishedAt) {}
