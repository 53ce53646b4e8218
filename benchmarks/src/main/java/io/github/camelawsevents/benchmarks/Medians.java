package io.github.camelawsevents.benchmarks;

import java.util.Arrays;
import java.util.Collection;
import java.util.function.ToDoubleFunction;

/** The median of repetitions: the middle value, or the mean of the two middle values for an even count. */
public final class Medians {

    private Medians() {
    }

    public static double median(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of nothing is undefined");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static <T> double median(Collection<T> items, ToDoubleFunction<T> metric) {
        return median(items.stream().mapToDouble(metric).toArray());
    }
}
