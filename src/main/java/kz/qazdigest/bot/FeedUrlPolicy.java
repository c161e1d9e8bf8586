package kz.qazdigest.bot;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs /addfeed accepts: http or https with a host, and unless private feeds are allowed, a host that
 * resolves only to public addresses (no loopback, private, link-local, CGNAT or unique-local ones).
 */
final class FeedUrlPolicy {
    static final int MAX_URL_CHARS = 2000;

    /** DNS, injectable so tests need no network. */
    @FunctionalInterface
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Why a URL is refused: a bundle key and its one argument. */
    record Refusal(String key, String detail) {}

    private final boolean allowPrivate;
    private final HostResolver resolver;

    FeedUrlPolicy(boolean allowPrivate, HostResolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The URL's shape, checked at once on the update thread. */
    Optional<URI> parse(String text) {
        if (text.isEmpty() || text.length() > MAX_URL_CHARS || text.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The address check; resolves the host, so it runs off the update thread. */
    Optional<Refusal> refuse(URI uri) {
        if (allowPrivate) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of(new Refusal("addfeed.unresolved", uri.getHost()));
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                return Optional.of(new Refusal("addfeed.private", address.getHostAddress()));
            }
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 // 100.64.0.0/10 carrier-grade NAT
                    || (b[0] & 0xff) == 0;                     // 0.0.0.0/8
        }
        return a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local
    }
}
