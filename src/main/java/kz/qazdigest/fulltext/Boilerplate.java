package kz.qazdigest.fulltext;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Removes what is never part of a story, on any site: scripts, media, forms, navigation, and blocks whose
 * class or id names them as share bars, related news, captions, cookie banners, subscribe boxes, ads.
 */
final class Boilerplate {
    private static final String TAGS = "script, style, noscript, template, iframe, object, embed, svg, canvas, "
            + "img, picture, video, audio, figure, figcaption, form, button, input, select, textarea, label, "
            + "nav, header, footer, aside, h1, [role=dialog], [role=navigation], [aria-hidden=true], [hidden]";
    // matched against each class name and the id, as a whole word between '-' / '_' separators
    private static final Pattern NOISE = Pattern.compile("(?:^|[-_])(?:share|sharing|social|socials|related|similar|"
            + "other-news|other-events|more-news|read-also|also|cookie|cookies|gdpr|consent|subscribe|subscription|"
            + "newsletter|telegram|breadcrumb|breadcrumbs|crumb|crumbs|banner|advert|advertisement|adspot|ad|ads|"
            + "ad-slot|rec|tags|tag|comments|comment|caption|gallery|author|img-author|meta|info|views|date|"
            + "widget|sidebar|menu|nav|header|footer|popular|latest|print|photo-caption|image-source|source)"
            + "(?:[-_]|$)", Pattern.CASE_INSENSITIVE);

    private Boilerplate() {
    }

    static void strip(Element root) {
        root.select(TAGS).remove();
        for (Element e : root.getAllElements()) {
            if (e != root && e.parent() != null && isNoise(e)) {
                e.remove();
            }
        }
    }

    static boolean isNoise(Element e) {
        if (NOISE.matcher(e.id()).find()) {
            return true;
        }
        for (String name : e.classNames()) {
            if (NOISE.matcher(name).find()) {
                return true;
            }
        }
        return false;
    }
}
