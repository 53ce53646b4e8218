package io.github.camelawsevents.aws.core.delivery;

/**
 * An exchange was not taken for delivery, or its delivery was cut short by a stop: the producer is stopped, its
 * endpoint closed, or the pending bound stayed full for {@code maxBlockMs}. Nothing of what the exchange did not get
 * answered for reached AWS through this producer afterwards.
 */
public class DeliveryRefusedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public DeliveryRefusedException(String message) {
        super(message);
    }
}
