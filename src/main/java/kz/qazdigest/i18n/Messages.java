package kz.qazdigest.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The bot's words in kk, ru and en, from the bundles {@code i18n/<bundle>_<lang>.properties} (UTF-8).
 * Unknown languages fall back to English; a missing key is a bug caught by the bundle sync test.
 */
public final class Messages {
    public static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    public static final String DEFAULT_LANGUAGE = "en";

    private final String bundle;

    public Messages(String bundle) {
        this.bundle = bundle;
    }

    /** kk, ru or en for a Telegram language_code such as "ru-RU"; English otherwise. */
    public static String supportedLanguage(String languageCode) {
        if (languageCode == null) {
            return DEFAULT_LANGUAGE;
        }
        String base = languageCode.toLowerCase(Locale.ROOT).split("[-_]")[0];
        return LANGUAGES.contains(base) ? base : DEFAULT_LANGUAGE;
    }

    public String get(String lang, String key, Object... args) {
        ResourceBundle resources = ResourceBundle.getBundle("i18n/" + bundle, Locale.forLanguageTag(supportedLanguage(lang)),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = resources.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("messages: no key '" + key + "' in bundle " + bundle + " for " + lang, e);
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, Locale.forLanguageTag(supportedLanguage(lang))).format(args);
    }
}
