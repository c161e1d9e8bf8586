package kz.qazdigest.fulltext;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;

/** A page that asks the reader to sign in or pay before showing the story. */
final class LoginWall {
    private static final Pattern PHRASES = Pattern.compile(
            "sign in to (?:continue|read)|log in to (?:continue|read)|subscribe to (?:continue|read)|"
                    + "this content is (?:for|available to) subscribers|"
                    + "войдите,? чтобы|авторизуйтесь,? чтобы|доступно только (?:подписчикам|авторизованным)|"
                    + "для продолжения чтения|"
                    + "жалғастыру үшін (?:жүйеге )?кіріңіз|оқу үшін (?:жүйеге )?кіріңіз|тіркеліңіз немесе кіріңіз");

    private LoginWall() {
    }

    static boolean detect(Document doc) {
        if (!doc.select("input[type=password]").isEmpty()) {
            return true;
        }
        return PHRASES.matcher(doc.body().text().toLowerCase(Locale.ROOT)).find();
    }
}
