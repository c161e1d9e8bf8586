package kz.qazdigest.bot;

import java.util.List;
import kz.qazdigest.delivery.Broadcaster;
import kz.qazdigest.delivery.OutgoingMessage.TextEntity;

/** /broadcast <text> (admins): the text as written, formatting kept, to every active subscriber. */
final class BroadcastHandler implements CommandHandler {
    private final Broadcaster broadcaster;
    private final BackgroundWork work;

    BroadcastHandler(Broadcaster broadcaster, BackgroundWork work) {
        this.broadcaster = broadcaster;
        this.work = work;
    }

    @Override
    public void handle(Request request) {
        Incoming in = request.incoming();
        Command command = request.command();
        String text = in.text().substring(command.argsOffset()).stripTrailing();
        if (text.isBlank()) {
            request.reply("broadcast.usage");
            return;
        }
        if (text.length() > Replies.MAX_CHARS) {
            request.reply("broadcast.too_long", Replies.MAX_CHARS, text.length());
            return;
        }
        List<TextEntity> entities = EntityShift.pastCommand(in.entities(), command.argsOffset(), text.length());
        boolean queued = work.submit(request, "broadcast", () -> {
            Broadcaster.Queued result = broadcaster.broadcast(in.chatId(), text, entities);
            request.reply("broadcast.queued", result.chats(), Long.toString(result.broadcastId()));
        });
        if (!queued) {
            request.reply("error.busy");
        }
    }
}
