package kz.qazdigest.bot;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import kz.qazdigest.digest.Schedule;

/** A schedule and a due time in the chat's words ("күн сайын 09:00", "по понедельникам в 08:30"). */
final class ScheduleText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ScheduleText() {
    }

    static String describe(Request request, Schedule schedule) {
        return switch (schedule.kind()) {
            case INSTANT -> request.text("schedule.kind.instant");
            case OFF -> request.text("schedule.kind.off");
            case DAILY -> request.text("schedule.kind.daily", hhmm(schedule));
            case WEEKLY -> request.text("schedule.kind.weekly",
                    schedule.day().getDisplayName(TextStyle.FULL_STANDALONE, Locale.forLanguageTag(request.lang())),
                    hhmm(schedule));
        };
    }

    static String when(long epochMillis, String tz) {
        return WHEN.format(Instant.ofEpochMilli(epochMillis).atZone(ZoneId.of(tz))) + " (" + tz + ")";
    }

    private static String hhmm(Schedule schedule) {
        return String.format(Locale.ROOT, "%02d:%02d", schedule.time().getHour(), schedule.time().getMinute());
    }
}
