package kz.qazdigest.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPolicyTest {
    // a fake DNS: names the tests use, nothing leaves the machine
    private static final Map<String, String> DNS = Map.of(
            "www.inform.kz", "195.210.46.10",
            "inform.kz", "195.210.46.10",
            "static.inform.kz", "195.210.46.11",
            "evil.inform-mirror.kz", "10.0.0.5",
            "rebound.example", "127.0.0.1",
            "intranet.example", "192.168.1.20",
            "v6local.example", "fd12:3456:789a::1",
            "mapped.example", "::ffff:169.254.169.254");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String ip = DNS.get(host);
        if (ip == null) {
            if (host.matches("[0-9a-fA-F.:]+")) {
                return new InetAddress[] {InetAddress.getByName(host)}; // a literal: no lookup
            }
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(ip)};
    }

    private final UrlPolicy kazinform = new UrlPolicy(URI.create("https://www.inform.kz/rss/kz.xml"),
            List.of("static.inform.kz", "intranet.example", "v6local.example:8443"), UrlPolicyTest::resolve);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://www.inform.kz/kz/article-a123       | ",
            "http://www.inform.kz/kz/article-a123        | ",          // http and https of one host are one
            "https://WWW.Inform.KZ./kz/a1                | ",          // case and the trailing dot do not matter
            "https://static.inform.kz/a.html             | ",          // configured for this feed
            "https://www.inform.kz:8443/kz/a1            | neither the feed's",
            "https://inform.kz/kz/a1                     | neither the feed's",  // another host, even a parent domain
            "https://egemen.kz/article/1                 | neither the feed's",
            "https://intranet.example/secret             | non-public address 192.168.1.20",
            "https://v6local.example:8443/x              | non-public address fd12",
            "ftp://www.inform.kz/file                    | not an http(s) URL",
            "file:///etc/passwd                          | not an http(s) URL",
    })
    void decidesByHostPortAndAddress(String url, String refusal) {
        assertThat(kazinform.refusal(URI.create(url.trim())))
                .as(url)
                .map(r -> r)
                .satisfies(r -> {
                    if (refusal == null) {
                        assertThat(r).isEmpty();
                    } else {
                        assertThat(r).get().asString().contains(refusal.trim());
                    }
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.1",
            "169.254.169.254", "0.0.0.0", "0.1.2.3", "100.64.0.1", "::1", "::", "fc00::1", "fdff::1", "fe80::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::a9fe:a9fe", "224.0.0.1", "255.255.255.255"})
    void nonPublicAddresses(String ip) throws UnknownHostException {
        assertThat(UrlPolicy.isPublic(InetAddress.getByName(ip))).as(ip).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"195.210.46.10", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2a00:1450:4001::1",
            "::ffff:195.210.46.10"})
    void publicAddresses(String ip) throws UnknownHostException {
        assertThat(UrlPolicy.isPublic(InetAddress.getByName(ip))).as(ip).isTrue();
    }

    @Test
    void aFeedOnALoopbackHostMayReadItsOwnHostAndPortOnly() {
        UrlPolicy local = new UrlPolicy(URI.create("http://127.0.0.1:8080/feed.xml"), List.of("127.0.0.1:9090"),
                UrlPolicyTest::resolve);
        assertThat(local.test(URI.create("http://127.0.0.1:8080/article/1"))).isTrue();
        // listed for the feed, but loopback on another port: the feed is not on that host and port
        assertThat(local.refusal(URI.create("http://127.0.0.1:9090/admin"))).get().asString().contains("non-public");
        assertThat(local.refusal(URI.create("http://localhost:8080/article/1"))).get().asString().contains("neither");
    }

    @Test
    void aPublicHostThatResolvesToLoopbackIsRefused() {
        UrlPolicy feed = new UrlPolicy(URI.create("https://news.example/rss"), List.of("rebound.example", "mapped.example"),
                UrlPolicyTest::resolve);
        assertThat(feed.refusal(URI.create("https://rebound.example/x"))).get().asString().contains("127.0.0.1");
        assertThat(feed.refusal(URI.create("https://mapped.example/latest/meta-data/"))).get().asString()
                .contains("169.254.169.254");
    }

    @Test
    void unknownHostsAreRefused() {
        UrlPolicy feed = new UrlPolicy(URI.create("https://news.example/rss"), List.of("nowhere.example"),
                UrlPolicyTest::resolve);
        assertThat(feed.refusal(URI.create("https://nowhere.example/x"))).get().asString().contains("unknown host");
    }
}
