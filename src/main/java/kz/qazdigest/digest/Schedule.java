package kz.qazdigest.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * When a subscriber gets digests: {@code instant}, {@code daily HH:MM}, {@code weekly <mon..sun> HH:MM} or
 * {@code off}. Stored in {@code subscribers.schedule} in exactly this text form.
 */
public record Schedule(Kind kind, DayOfWeek day, LocalTime time) {

    public enum Kind { INSTANT, DAILY, WEEKLY, OFF }

    private static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

    public static final Schedule INSTANT = new Schedule(Kind.INSTANT, null, null);
    public static final Schedule OFF = new Schedule(Kind.OFF, null, null);

    public static Schedule daily(LocalTime time) {
        return new Schedule(Kind.DAILY, null, time);
    }

    public static Schedule weekly(DayOfWeek day, LocalTime time) {
        return new Schedule(Kind.WEEKLY, day, time);
    }

    /** Parses the user's words (case-insensitive, extra spaces allowed); empty when they make no schedule. */
    public static Optional<Schedule> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] words = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
        return switch (words[0]) {
            case "instant" -> words.length == 1 ? Optional.of(INSTANT) : Optional.empty();
            case "off" -> words.length == 1 ? Optional.of(OFF) : Optional.empty();
            case "daily" -> words.length == 2 ? time(words[1]).map(Schedule::daily) : Optional.empty();
            case "weekly" -> words.length == 3
                    ? day(words[1]).flatMap(d -> time(words[2]).map(t -> weekly(d, t)))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<LocalTime> time(String hhmm) {
        if (!hhmm.matches("\\d{1,2}:\\d{2}")) {
            return Optional.empty();
        }
        try {
            String[] parts = hhmm.split(":");
            return Optional.of(LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
        } catch (RuntimeException e) { // 25:99
            return Optional.empty();
        }
    }

    private static Optional<DayOfWeek> day(String word) {
        for (int i = 0; i < DAYS.length; i++) {
            if (word.startsWith(DAYS[i]) && DayOfWeek.of(i + 1).name().toLowerCase(Locale.ROOT).startsWith(word)) {
                return Optional.of(DayOfWeek.of(i + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * The first slot strictly after {@code after} in the subscriber's zone, or empty for instant/off.
     * A local time that falls in a DST gap moves forward by the gap; in an overlap the earlier instant wins.
     */
    public Optional<Instant> nextAfter(Instant after, ZoneId zone) {
        if (kind == Kind.INSTANT || kind == Kind.OFF) {
            return Optional.empty();
        }
        ZonedDateTime now = after.atZone(zone);
        LocalDate date = now.toLocalDate();
        if (kind == Kind.WEEKLY) {
            date = date.with(TemporalAdjusters.nextOrSame(day));
        }
        ZonedDateTime candidate = ZonedDateTime.of(date, time, zone);
        while (!candidate.toInstant().isAfter(after)) {
            date = date.plusDays(kind == Kind.WEEKLY ? 7 : 1);
            candidate = ZonedDateTime.of(date, time, zone);
        }
        return Optional.of(candidate.toInstant());
    }

    /** The canonical text form, as stored and as /schedule accepts it. */
    @Override
    public String toString() {
        return switch (kind) {
            case INSTANT -> "instant";
            case OFF -> "off";
            case DAILY -> "daily " + hhmm();
            case WEEKLY -> "weekly " + DAYS[day.getValue() - 1] + " " + hhmm();
        };
    }

    private String hhmm() {
        return String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
    }

    /** For stored values written by this class; fails loudly on anything else. */
    public static Schedule of(String stored) {
        return parse(stored).orElseThrow(() -> new DateTimeParseException("not a schedule: " + stored, stored, 0));
    }
}
