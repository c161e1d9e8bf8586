package kz.qazdigest.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleTest {
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest
    @CsvSource({
            "instant, instant",
            "OFF, off",
            "daily 9:00, daily 09:00",
            "'  daily   23:59 ', daily 23:59",
            "weekly mon 08:30, weekly mon 08:30",
            "weekly Friday 18:00, weekly fri 18:00",
    })
    void parsesAndPrintsCanonically(String input, String canonical) {
        assertThat(Schedule.parse(input)).hasValueSatisfying(s -> assertThat(s.toString()).isEqualTo(canonical));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "daily", "daily 25:99", "daily 9", "weekly 09:00", "weekly xyz 09:00",
            "weekly mon", "hourly", "instant now", "daily 09:00 extra", "weekly m 09:00"})
    void rejectsWhatIsNotASchedule(String input) {
        assertThat(Schedule.parse(input)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            // Almaty is UTC+5 all year (since 2024-03-01): 09:00 local is 04:00Z
            "daily 09:00, 2026-11-28T03:59:00Z, Asia/Almaty, 2026-11-28T04:00:00Z",
            "daily 09:00, 2026-11-28T04:00:00Z, Asia/Almaty, 2026-11-29T04:00:00Z",
            "daily 00:00, 2026-11-28T18:59:59Z, Asia/Almaty, 2026-11-28T19:00:00Z", // across midnight
            "weekly mon 09:00, 2026-11-28T12:00:00Z, Asia/Almaty, 2026-11-30T04:00:00Z",
            // Berlin: 2026-03-29 02:00 jumps to 03:00; 02:30 does not exist that day and moves to 03:30 CEST
            "daily 02:30, 2026-03-29T00:00:00Z, Europe/Berlin, 2026-03-29T01:30:00Z",
            "daily 09:00, 2026-03-28T09:00:00Z, Europe/Berlin, 2026-03-29T07:00:00Z", // CET -> CEST
            "daily 09:00, 2026-10-24T09:00:00Z, Europe/Berlin, 2026-10-25T08:00:00Z", // CEST -> CET
    })
    void nextSlotInTheSubscribersZone(String schedule, String after, String zone, String expected) {
        assertThat(Schedule.of(schedule).nextAfter(Instant.parse(after), ZoneId.of(zone)))
                .contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"instant", "off"})
    void instantAndOffHaveNoSlots(String schedule) {
        assertThat(Schedule.of(schedule).nextAfter(Instant.now(), ALMATY)).isEmpty();
    }
}
