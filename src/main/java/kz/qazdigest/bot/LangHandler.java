package kz.qazdigest.bot;

import java.util.Locale;
import kz.qazdigest.i18n.Messages;
import kz.qazdigest.store.SubscriberStore;

/** /lang kk|ru|en: the chat's interface language; the answer already speaks the new one. */
final class LangHandler implements CommandHandler {
    private final SubscriberStore store;

    LangHandler(SubscriberStore store) {
        this.store = store;
    }

    @Override
    public void handle(Request request) {
        String wanted = request.args().toLowerCase(Locale.ROOT);
        if (!Messages.LANGUAGES.contains(wanted)) {
            request.reply("lang.usage");
            return;
        }
        Incoming in = request.incoming();
        store.ensure(in.chatId(), in.chatType(), in.userId(), wanted);
        store.setLang(in.chatId(), wanted);
        request.inLanguage(wanted).reply("lang.set");
    }
}
