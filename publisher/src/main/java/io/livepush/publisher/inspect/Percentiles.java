package io.livepush.publisher.inspect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of a sample, for latency reports. */
final class Percentiles {
    private Percentiles() {
    }

    /** @return the nearest-rank {@code p}th percentile (0 < p <= 100), or 0 for an empty sample */
    static long of(List<Long> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
