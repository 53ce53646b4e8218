package io.github.camelawsevents.aws.core.delivery;

import java.util.Iterator;
import java.util.function.BiPredicate;
import java.util.function.ToLongFunction;

import io.github.camelawsevents.aws.core.BatchLimits;

/**
 * Packs pending work into the next request: the longest run of items at the head of the queue that stays within the
 * API's limits and that may share a request with the first. A pure function: no I/O, no state.
 */
public final class RequestPlanner {

    private RequestPlanner() {
    }

    /**
     * How many items at the head go into the next request, and whether that request is full.
     *
     * @param count how many items, at least 1 when anything was pending (the first item always goes: it was checked
     *              to fit alone when it was read)
     * @param full  true when the request cannot grow however long it waits: the item count is reached, the next item
     *              does not fit, or the next item may not share it; false when a later item could still join
     */
    public record Plan(int count, boolean full) {

        /** Nothing was pending. */
        public static final Plan EMPTY = new Plan(0, false);

        public boolean isEmpty() {
            return count == 0;
        }
    }

    /**
     * @param pending the pending items, head first
     * @param sizeOf  an item's size in the unit {@code limits} counts
     * @param joins   whether an item may share a request with the request's first item (first, candidate)
     * @param limits  what one request may carry
     */
    public static <T> Plan next(Iterable<? extends T> pending, ToLongFunction<? super T> sizeOf,
                                BiPredicate<? super T, ? super T> joins, BatchLimits limits) {
        Iterator<? extends T> it = pending.iterator();
        if (!it.hasNext()) {
            return Plan.EMPTY;
        }
        T first = it.next();
        BatchLimits.Budget budget = limits.newBudget();
        budget.add(sizeOf.applyAsLong(first));
        int count = 1;
        while (it.hasNext()) {
            if (count >= limits.maxItems()) {
                return new Plan(count, true);
            }
            T candidate = it.next();
            if (!joins.test(first, candidate) || !budget.fits(sizeOf.applyAsLong(candidate))) {
                return new Plan(count, true);
            }
            budget.add(sizeOf.applyAsLong(candidate));
            count++;
        }
        return new Plan(count, count >= limits.maxItems());
    }
}
