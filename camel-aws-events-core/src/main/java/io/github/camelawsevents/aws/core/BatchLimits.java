package io.github.camelawsevents.aws.core;

/**
 * How much one request may carry: at most {@code maxItems} items and at most {@code maxSize} size units (bytes or
 * characters, whatever the API counts). A batch's size is {@code overhead} plus each item's size plus
 * {@code separator} between two items, so both "sum of entry sizes" (overhead 0, separator 0) and "a JSON array of
 * records" (overhead 2 for the brackets, separator 1 for the comma) are expressed exactly.
 */
public record BatchLimits(int maxItems, long maxSize, long overhead, long separator) {

    public BatchLimits {
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be at least 1, got " + maxItems);
        }
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1, got " + maxSize);
        }
        if (overhead < 0 || separator < 0) {
            throw new IllegalArgumentException("overhead and separator must not be negative");
        }
    }

    /** The largest item that fits in a batch on its own. */
    public long maxItemSize() {
        return maxSize - overhead;
    }

    /** A running total to which items are added one by one; for splitting and for aggregation strategies alike. */
    public Budget newBudget() {
        return new Budget(this);
    }

    /** Mutable running total of one batch; not thread-safe. */
    public static final class Budget {
        private final BatchLimits limits;
        private int items;
        private long size;

        private Budget(BatchLimits limits) {
            this.limits = limits;
            this.size = limits.overhead();
        }

        /** Whether one more item of {@code itemSize} keeps the batch within both limits. */
        public boolean fits(long itemSize) {
            return fits(1, itemSize);
        }

        /**
         * Whether {@code count} more items of {@code totalSize} together keep the batch within both limits: the one
         * "does this fit" rule, for one entry and for a message's whole set of entries alike.
         */
        public boolean fits(int count, long totalSize) {
            if (count < 1) {
                return true;
            }
            if ((long) items + count > limits.maxItems()) {
                return false;
            }
            long separators = (items == 0 ? count - 1L : count) * limits.separator();
            return size + totalSize + separators <= limits.maxSize();
        }

        /** Adds an item (the caller checked {@link #fits(long)} or accepts an over-full batch). */
        public void add(long itemSize) {
            size += items == 0 ? itemSize : itemSize + limits.separator();
            items++;
        }

        public int items() {
            return items;
        }

        public long size() {
            return size;
        }

        public boolean isEmpty() {
            return items == 0;
        }

        public void reset() {
            items = 0;
            size = limits.overhead();
        }
    }
}
