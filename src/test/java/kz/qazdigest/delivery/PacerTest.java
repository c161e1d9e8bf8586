package kz.qazdigest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The global limiter's hard cap, on explicit nanoTime values (no clocks, no sleeping). */
class PacerTest {
    static final long MS = 1_000_000;

    /** 10/s, no burst: the GCRA spacing is 100 ms; the cap is 10 sends per 1 s window. */
    static Pacer tenPerSecond() {
        return new Pacer(10, 1);
    }

    @Test
    void theWindowCountsFromTheAnswerOfTheSendNBackBecauseThatIsWhenItHadSurelyArrived() {
        Pacer pacer = tenPerSecond();
        long first = pacer.take(0);
        pacer.answered(first, 40 * MS); // a slow call: Telegram may have counted it as late as 40 ms
        for (int i = 1; i < 10; i++) {
            long at = i * 100 * MS;
            assertThat(pacer.delay(at)).isZero();
            pacer.answered(pacer.take(at), at + MS);
        }
        // the 11th send may arrive no sooner than 1 s after the first one's answer, not its start
        assertThat(pacer.delay(1000 * MS)).isEqualTo(40 * MS);
        assertThat(pacer.delay(1040 * MS)).isZero();
    }

    @Test
    void whileTheSendNBackIsUnansweredItCountsFromItsStartPlusTheGuard() {
        Pacer pacer = tenPerSecond();
        pacer.take(0); // still running (a hanging call): it must not stall the sender until it times out
        for (int i = 1; i < 10; i++) {
            pacer.answered(pacer.take(i * 100 * MS), i * 100 * MS + MS);
        }
        assertThat(pacer.delay(1000 * MS)).isEqualTo(Math.round(1000 * MS * Pacer.GUARD));
    }

    @Test
    void aLateAnswerDoesNotTouchTheSlotOfANewerSend() {
        Pacer pacer = tenPerSecond();
        long hanging = pacer.take(0);
        for (int i = 1; i < 10; i++) {
            pacer.answered(pacer.take(i * 100 * MS), i * 100 * MS + MS);
        }
        pacer.take(1020 * MS); // send #10 reuses the hanging call's slot, and is still running too
        pacer.answered(hanging, 1050 * MS); // the old call's answer comes at last: it must not count for #10
        for (int i = 11; i < 20; i++) {
            long at = 1020 * MS + (i - 10) * 100 * MS;
            assertThat(pacer.delay(at)).isZero();
            pacer.answered(pacer.take(at), at + MS);
        }
        // send #20 counts from #10, unanswered: its start 1020 ms plus the guard (20 ms), plus the 1 s window
        assertThat(pacer.delay(2030 * MS)).isEqualTo(10 * MS);
        assertThat(pacer.delay(2040 * MS)).isZero();
    }

    @Test
    void aPauseHoldsEverySend() {
        Pacer pacer = tenPerSecond();
        pacer.answered(pacer.take(0), MS);
        pacer.pauseUntil(3000 * MS);
        assertThat(pacer.delay(200 * MS)).isEqualTo(2800 * MS);
        assertThat(pacer.delay(3000 * MS)).isZero();
    }
}
