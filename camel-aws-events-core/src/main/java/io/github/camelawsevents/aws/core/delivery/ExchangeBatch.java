package io.github.camelawsevents.aws.core.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * A body that is a batch of exchanges ({@code List<Exchange>}, what camel-kafka's consumer hands over with
 * {@code batching=true}): each inner exchange is delivered as if it came alone (its own headers, body, result headers
 * and exception), they share requests with each other, and the batch completes when all of them have. When some
 * failed, the batch fails with {@link ExchangesFailedException}; the delivered ones are marked with
 * {@link #DELIVERED_PROPERTY}, so a Camel redelivery of the batch sends only the others (as redeliveries).
 */
public final class ExchangeBatch {

    /** Exchange property set on an inner exchange of a batch once AWS accepted everything it carried. */
    public static final String DELIVERED_PROPERTY = "CamelAwsEventsDelivered";

    /**
     * Exchange property set on every inner exchange of a batch while it is delivered: the batch exchange's id and the
     * attempt ({@code id/n}), so a producer can tell which exchanges came in the same attempt at a batch (aws-scn-event
     * does not send the later records of a group after one of them failed in the same attempt, so that redelivering the
     * batch keeps the group's order).
     */
    public static final String BATCH_ID_PROPERTY = "CamelAwsEventsBatchId";

    /** Exchange property on the batch exchange: how many times it was handed to a producer (its attempts). */
    private static final String ATTEMPT_PROPERTY = "CamelAwsEventsBatchAttempt";

    /** How one exchange is delivered: a producer's {@code process}. */
    @FunctionalInterface
    public interface ExchangeProcessor {
        boolean process(Exchange exchange, AsyncCallback callback);
    }

    private ExchangeBatch() {
    }

    /** The inner exchanges when {@code body} is a non-empty list of exchanges only, else null. */
    public static List<Exchange> exchangesOf(Object body) {
        if (!(body instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        List<Exchange> exchanges = new ArrayList<>(list.size());
        for (Object element : list) {
            if (!(element instanceof Exchange exchange)) {
                return null;
            }
            exchanges.add(exchange);
        }
        return exchanges;
    }

    /**
     * Delivers every inner exchange with {@code delivery} and completes {@code batch} when all are done.
     *
     * @return true when everything completed synchronously (the callback was called with true)
     */
    public static boolean process(Exchange batch, List<Exchange> inner, ExchangeProcessor delivery, AsyncCallback callback) {
        boolean redelivered = batch.getMessage().getHeader(Exchange.REDELIVERED, false, Boolean.class);
        // the id names this attempt at the batch: what failed in an earlier attempt does not hold back a redelivery
        int attempt = batch.getProperty(ATTEMPT_PROPERTY, 0, Integer.class) + 1;
        batch.setProperty(ATTEMPT_PROPERTY, attempt);
        String batchId = batch.getExchangeId() + "/" + attempt;
        List<Exchange> toSend = new ArrayList<>(inner.size());
        for (Exchange exchange : inner) {
            if (redelivered && exchange.getProperty(DELIVERED_PROPERTY, false, Boolean.class)) {
                continue; // delivered on an earlier attempt at the batch
            }
            if (redelivered) {
                exchange.getMessage().setHeader(Exchange.REDELIVERED, true);
            }
            exchange.setException(null);
            exchange.setProperty(BATCH_ID_PROPERTY, batchId);
            toSend.add(exchange);
        }
        if (toSend.isEmpty()) {
            callback.done(true);
            return true;
        }
        AtomicInteger open = new AtomicInteger(toSend.size() + 1);
        boolean[] allSync = { true };
        Runnable one = () -> {
            if (open.decrementAndGet() == 0) {
                finish(batch, inner);
                callback.done(allSync[0]);
            }
        };
        // handed over together, so their entries are packed together
        DeliveryPipeline.handOverTogether(() -> {
            for (Exchange exchange : toSend) {
                boolean sync = delivery.process(exchange, doneSync -> {
                    if (exchange.getException() == null) {
                        exchange.setProperty(DELIVERED_PROPERTY, true);
                    }
                    one.run();
                });
                if (!sync) {
                    allSync[0] = false;
                }
            }
        });
        // the batch's own share: it completes only after every inner exchange was handed over
        boolean last = open.get() == 1;
        if (!last) {
            allSync[0] = false;
        }
        one.run();
        return last;
    }

    private static void finish(Exchange batch, List<Exchange> inner) {
        List<Exchange> failed = new ArrayList<>();
        for (Exchange exchange : inner) {
            if (exchange.getException() != null) {
                failed.add(exchange);
            }
        }
        if (!failed.isEmpty()) {
            batch.setException(new ExchangesFailedException(batch, failed, inner.size()));
        }
    }
}
