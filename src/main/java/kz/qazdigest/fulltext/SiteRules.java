package kz.qazdigest.fulltext;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.qazdigest.config.Settings;

/** Per-host extraction rules from settings; a rule for "inform.kz" also serves "www.inform.kz". */
final class SiteRules {
    private final Map<String, Settings.SiteRule> byHost;

    SiteRules(Map<String, Settings.SiteRule> byHost) {
        this.byHost = Map.copyOf(byHost);
    }

    Optional<Settings.SiteRule> forHost(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String h = host.toLowerCase(Locale.ROOT);
        while (true) { // the most specific entry wins: kz.kursiv.media before kursiv.media
            Settings.SiteRule rule = byHost.get(h);
            if (rule != null) {
                return Optional.of(rule);
            }
            int dot = h.indexOf('.');
            if (dot < 0 || h.indexOf('.', dot + 1) < 0) {
                return Optional.empty(); // never fall back to a bare TLD
            }
            h = h.substring(dot + 1);
        }
    }
}
