package io.github.camelawsevents.aws.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Splits items, in order, into the fewest consecutive batches that each respect {@link BatchLimits}. A pure
 * function: no I/O, no state.
 */
public final class Batches {

    private Batches() {
    }

    /**
     * Splits {@code items} greedily in order. Each returned batch is a view of consecutive items; batch {@code k}
     * starts where batch {@code k-1} ended, so positions map back by adding offsets.
     *
     * @throws IllegalArgumentException if one item alone exceeds {@link BatchLimits#maxItemSize()}; callers validate
     *                                  items first so the user gets a message naming the field
     */
    public static <T> List<List<T>> split(List<T> items, ToLongFunction<? super T> sizeOf, BatchLimits limits) {
        List<List<T>> batches = new ArrayList<>(Math.max(1, items.size() / limits.maxItems() + 1));
        BatchLimits.Budget budget = limits.newBudget();
        int start = 0;
        for (int i = 0; i < items.size(); i++) {
            long size = sizeOf.applyAsLong(items.get(i));
            if (size > limits.maxItemSize()) {
                throw new IllegalArgumentException("Item " + i + " has size " + size
                                                   + ", over the largest size a batch can hold: "
                                                   + limits.maxItemSize());
            }
            if (!budget.fits(size)) {
                batches.add(items.subList(start, i));
                start = i;
                budget.reset();
            }
            budget.add(size);
        }
        if (start < items.size()) {
            batches.add(items.subList(start, items.size()));
        }
        return batches;
    }
}
