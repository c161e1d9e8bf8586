package kz.qazdigest.fulltext;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which article pages one feed may make us fetch. Item links are untrusted: a page is fetched only from the
 * feed's own host and port (http and https on their default ports count as one) or a host configured for
 * that feed, and never from a private, loopback, link-local or otherwise non-public address unless the feed
 * itself is on that very host and port. The fetcher asks again on every redirect hop.
 *
 * <p>The host is resolved here and checked address by address; the HTTP client resolves it again when it
 * connects, so a DNS answer that changes between the two (rebinding) is not covered by this check.
 */
public final class UrlPolicy implements Predicate<URI> {
    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Origin feed;
    private final List<Origin> allowed = new ArrayList<>();
    private final Resolver resolver;

    /** @param extraHosts "host" or "host:port" entries allowed for this feed besides its own host */
    public UrlPolicy(URI feedUrl, Collection<String> extraHosts, Resolver resolver) {
        this.feed = Origin.of(Objects.requireNonNull(feedUrl, "feedUrl"))
                .orElseThrow(() -> new IllegalArgumentException("fulltext: feed URL without a host: " + feedUrl));
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        allowed.add(feed);
        for (String entry : extraHosts) {
            String e = entry.trim();
            if (!e.isEmpty()) {
                Origin.of(URI.create("http://" + e)).ifPresent(allowed::add);
            }
        }
    }

    public static UrlPolicy forFeed(URI feedUrl, Collection<String> extraHosts) {
        return new UrlPolicy(feedUrl, extraHosts, InetAddress::getAllByName);
    }

    @Override
    public boolean test(URI url) {
        return refusal(url).isEmpty();
    }

    /** Why {@code url} may not be fetched for this feed, or empty when it may. */
    public Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("not an http(s) URL: " + url);
        }
        Optional<Origin> target = Origin.of(url);
        if (target.isEmpty()) {
            return Optional.of("URL without a host: " + url);
        }
        Origin origin = target.get();
        if (allowed.stream().noneMatch(origin::sameAs)) {
            return Optional.of("host " + origin + " is neither the feed's (" + feed + ") nor configured for it");
        }
        if (origin.sameAs(feed)) {
            return Optional.empty(); // the feed's own host and port: wherever it lives, the operator chose it
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(origin.host());
        } catch (UnknownHostException e) {
            return Optional.of("unknown host " + origin.host());
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("host " + origin.host() + " resolves to the non-public address "
                        + address.getHostAddress());
            }
        }
        return Optional.empty();
    }

    /** False for loopback, private, link-local, unique-local, unspecified, CGNAT and multicast addresses. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // 0.0.0.0/8 "this network"
                    && !(first == 100 && second >= 64 && second <= 127) // 100.64/10 carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0/24 protocol assignments
                    && first < 240; // 240/4 reserved, 255.255.255.255
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) { // fc00::/7 unique local
                return false;
            }
            Inet4Address embedded = embeddedIpv4(b);
            return embedded == null || isPublic(embedded);
        }
        return false;
    }

    /** The IPv4 address inside ::a.b.c.d, ::ffff:a.b.c.d and 64:ff9b::a.b.c.d (NAT64), else null. */
    private static Inet4Address embeddedIpv4(byte[] b) {
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= b[i] == 0;
        }
        boolean compatible = zeros && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff));
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        if (!compatible && !nat64) {
            return null;
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always a valid address
        }
    }

    /** A host and port; a port that is its scheme's default matches either default (http and https are one). */
    record Origin(String host, int port, boolean defaultPort) {
        static Optional<Origin> of(URI uri) {
            String host = uri.getHost();
            if (host == null || host.isBlank()) {
                return Optional.empty();
            }
            host = host.toLowerCase(Locale.ROOT);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1); // "example.com." is example.com
            }
            String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
            int defaultPort = scheme.equals("https") ? 443 : 80;
            int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
            return Optional.of(new Origin(host, port, port == defaultPort));
        }

        boolean sameAs(Origin other) {
            return host.equals(other.host) && (port == other.port || (defaultPort && other.defaultPort));
        }

        @Override
        public String toString() {
            return defaultPort ? host : host + ":" + port;
        }
    }
}
