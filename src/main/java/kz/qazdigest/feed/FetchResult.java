package kz.qazdigest.feed;

import java.net.URI;

/**
 * One answered fetch: status 200 with a body, or 304 (not modified) without one. {@code finalUrl} is where
 * the last redirect led; etag and lastModified are the validators to send next time (null when absent).
 */
public record FetchResult(int status, URI finalUrl, byte[] body, String contentType, String etag,
                          String lastModified, CacheHints cacheHints) {

    public boolean notModified() {
        return status == 304;
    }
}
