package kz.qazdigest.bot;

import java.util.function.LongPredicate;

/** /help: the commands, and for admins the admin commands too. */
final class HelpHandler implements CommandHandler {
    private final LongPredicate admins;

    HelpHandler(LongPredicate admins) {
        this.admins = admins;
    }

    @Override
    public void handle(Request request) {
        String text = request.text("help");
        if (admins.test(request.userId())) {
            text += "\n\n" + request.text("help.admin");
        }
        request.send(kz.qazdigest.delivery.OutgoingMessage.plain(text));
    }
}
