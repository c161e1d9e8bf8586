package kz.qazdigest.bot;

import java.util.Optional;
import kz.qazdigest.digest.Schedule;
import kz.qazdigest.store.SubscriberStore;

/** /schedule instant|daily HH:MM|weekly <mon..sun> HH:MM|off; anything else gets the usage. */
final class ScheduleHandler implements CommandHandler {
    private final SubscriberStore store;

    ScheduleHandler(SubscriberStore store) {
        this.store = store;
    }

    @Override
    public void handle(Request request) {
        Incoming in = request.incoming();
        SubscriberStore.Subscriber subscriber = store.ensure(in.chatId(), in.chatType(), in.userId(), request.lang());
        if (request.args().isEmpty()) {
            request.reply("schedule.current", ScheduleText.describe(request, Schedule.of(subscriber.schedule())));
            return;
        }
        Optional<Schedule> parsed = request.args().length() > 40 ? Optional.empty() : Schedule.parse(request.args());
        if (parsed.isEmpty()) {
            request.reply("schedule.usage");
            return;
        }
        SubscriberStore.Subscriber updated = store.setSchedule(in.chatId(), parsed.get());
        String described = ScheduleText.describe(request, parsed.get());
        if (updated.nextDigestAt() != null) {
            request.reply("schedule.set_next", described, ScheduleText.when(updated.nextDigestAt(), updated.tz()));
        } else {
            request.reply(parsed.get().kind() == Schedule.Kind.OFF ? "schedule.set_off" : "schedule.set_instant", described);
        }
    }
}
