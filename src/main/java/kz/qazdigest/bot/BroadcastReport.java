package kz.qazdigest.bot;

import kz.qazdigest.delivery.Broadcaster;
import kz.qazdigest.delivery.OutgoingMessage;
import kz.qazdigest.i18n.Messages;
import kz.qazdigest.store.SubscriberStore;

/** The admin's broadcast report, in the admin chat's language. */
public final class BroadcastReport implements Broadcaster.ReportFormatter {
    private final SubscriberStore store;
    private final Messages messages;

    public BroadcastReport(SubscriberStore store, Messages messages) {
        this.store = store;
        this.messages = messages;
    }

    @Override
    public OutgoingMessage format(long adminChatId, Broadcaster.Report report) {
        String lang = store.find(adminChatId).map(SubscriberStore.Subscriber::lang).orElse(Messages.DEFAULT_LANGUAGE);
        return OutgoingMessage.plain(messages.get(lang, "broadcast.report", Long.toString(report.broadcastId()), report.delivered(),
                report.blocked(), report.failed()));
    }
}
