package kz.qazdigest.fulltext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limiter on a fake clock: sleeping advances the clock, so the slots it hands out can be read exactly. */
class HostRateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final HostRateLimiter limiter = new HostRateLimiter(2.0, now::get, now::addAndGet);

    @Test
    void spacesRequestsToOneHostByTheInterval() throws InterruptedException {
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            limiter.acquire("www.inform.kz");
            starts.add(now.get());
        }
        for (int i = 1; i < starts.size(); i++) {
            assertThat(starts.get(i) - starts.get(i - 1)).isEqualTo(500_000_000L);
        }
    }

    @Test
    void hostsDoNotWaitForEachOtherAndCaseDoesNotMatter() throws InterruptedException {
        assertThat(limiter.acquire("egemen.kz")).isEqualTo(Duration.ZERO);
        assertThat(limiter.acquire("astanatimes.com")).isEqualTo(Duration.ZERO);
        assertThat(limiter.acquire("EGEMEN.kz")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void anIdleHostStartsAfresh() throws InterruptedException {
        limiter.acquire("akorda.kz");
        now.addAndGet(10_000_000_000L);
        assertThat(limiter.acquire("akorda.kz")).isEqualTo(Duration.ZERO);
    }

    @Test
    void rejectsANonPositiveRate() {
        assertThatThrownBy(() -> new HostRateLimiter(0)).hasMessageContaining("perHostPerSecond");
    }
}
