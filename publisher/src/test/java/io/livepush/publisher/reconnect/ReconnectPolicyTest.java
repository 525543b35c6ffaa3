package io.livepush.publisher.reconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The backoff of SPECS.md: 2 s, x1.5, capped, with jitter, within a retry budget. */
class ReconnectPolicyTest {

    @Test
    void defaultsStartAtTwoSecondsAndGrowByHalfEachTimeUpToTheCap() {
        ReconnectPolicy p = ReconnectPolicy.defaults();
        // 0.5 is the middle of the jitter range: no spread.
        assertEquals(2000, p.delay(1, () -> 0.5).toMillis());
        assertEquals(3000, p.delay(2, () -> 0.5).toMillis());
        assertEquals(4500, p.delay(3, () -> 0.5).toMillis());
        assertEquals(6750, p.delay(4, () -> 0.5).toMillis());
        assertEquals(30_000, p.delay(20, () -> 0.5).toMillis());
        assertEquals(30_000, p.delay(1_000_000, () -> 0.5).toMillis());
    }

    @Test
    void jitterSpreadsEachDelayByAtMostItsFractionAndNeverPastTheCap() {
        ReconnectPolicy p = ReconnectPolicy.defaults();
        assertEquals(1600, p.delay(1, () -> 0.0).toMillis());
        assertEquals(2400, p.delay(1, () -> 0.999999).toMillis(), 1);
        assertEquals(30_000, p.delay(30, () -> 0.999999).toMillis());
        assertEquals(24_000, p.delay(30, () -> 0.0).toMillis());
    }

    @Test
    void theBudgetAllowsExactlyMaxAttemptsAndDisabledAllowsNone() {
        ReconnectPolicy p = ReconnectPolicy.builder().maxAttempts(3).build();
        assertTrue(p.allows(3));
        assertFalse(p.allows(4));
        assertFalse(ReconnectPolicy.disabled().allows(1));
        assertEquals(25, ReconnectPolicy.defaults().maxAttempts());
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of((Function<ReconnectPolicy.Builder, Object>) b -> b.multiplier(0.5), "multiplier is 0.5 (expected 1..10)"),
                Arguments.of((Function<ReconnectPolicy.Builder, Object>) b -> b.jitter(0.7), "jitter is 0.7 (expected 0..0.5)"),
                Arguments.of((Function<ReconnectPolicy.Builder, Object>) b -> b.maxAttempts(-1), "max attempts is -1 (expected 0..1000000)"),
                Arguments.of((Function<ReconnectPolicy.Builder, Object>) b -> b.initialDelay(Duration.ofMillis(-1)),
                        "initial delay is PT-0.001S (expected 0..10 min)"),
                Arguments.of((Function<ReconnectPolicy.Builder, Object>) b -> b.initialDelay(Duration.ofSeconds(5))
                        .maxDelay(Duration.ofSeconds(1)).build(), "max delay 1000 ms is below the initial delay 5000 ms (expected max >= initial)"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void badSettingsAreRefusedNamingWhatIsAllowed(Function<ReconnectPolicy.Builder, Object> setting, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> setting.apply(ReconnectPolicy.builder()));
        assertEquals(message, e.getMessage());
    }

    @Test
    void attemptZeroIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ReconnectPolicy.defaults().delay(0, () -> 0.5));
    }
}
