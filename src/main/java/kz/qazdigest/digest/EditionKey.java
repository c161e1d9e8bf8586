package kz.qazdigest.digest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The address of a story with its language edition taken out, so kazinform.kz/kz/x-123 and kazinform.kz/ru/x-123
 * (or en.site.kz/x and ru.site.kz/x) give the same key: host without "www." or a language subdomain, path without
 * language segments, query kept (some sites number their articles there).
 */
final class EditionKey {
    private static final Set<String> LANGUAGE_SEGMENTS = Set.of("kk", "kz", "kaz", "qaz", "ru", "rus", "en", "eng");

    private EditionKey() {
    }

    /** The key, or null when the link is missing or not an absolute http(s) URL. */
    static String of(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(link.trim());
        } catch (URISyntaxException e) {
            return null;
        }
        if (uri.getHost() == null) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        int dot = host.indexOf('.');
        if (dot > 0 && LANGUAGE_SEGMENTS.contains(host.substring(0, dot)) && host.indexOf('.', dot + 1) > 0) {
            host = host.substring(dot + 1);
        }
        StringJoiner path = new StringJoiner("/", host + "/", "");
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty() && !LANGUAGE_SEGMENTS.contains(segment.toLowerCase(Locale.ROOT))) {
                path.add(segment);
            }
        }
        String key = path.toString();
        return uri.getRawQuery() == null ? key : key + "?" + uri.getRawQuery();
    }
}
