package kz.qazdigest.govkz;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A gov.kz news listing URL, e.g.
 * {@code https://www.gov.kz/api/v1/public/content-manager/news?projects=eq:mfa&sort-by=created_date:DESC},
 * and the links of its items: {@code https://www.gov.kz/memleket/entities/<project>/press/news/details/<id>?lang=<lang>}.
 */
public record GovKzListing(URI url, String project) {
    public static final String PATH = "/api/v1/public/content-manager/news";

    /** The listing behind {@code url}, or empty when it is not a gov.kz news listing with a projects=eq:X filter. */
    public static Optional<GovKzListing> of(URI url) {
        if (url.getPath() == null || !url.getPath().endsWith(PATH) || url.getRawQuery() == null) {
            return Optional.empty();
        }
        for (String pair : url.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("projects")) {
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (value.startsWith("eq:") && value.substring(3).matches("[A-Za-z0-9_-]+")) {
                    return Optional.of(new GovKzListing(url, value.substring(3).toLowerCase(Locale.ROOT)));
                }
            }
        }
        return Optional.empty();
    }

    public URI itemLink(String id, String lang) {
        return url.resolve("/memleket/entities/" + project + "/press/news/details/" + id + "?lang=" + lang);
    }
}
