package io.github.camelawsevents.aws.core.delivery;

import java.util.List;

import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;

/**
 * Some exchanges of a batch of exchanges (a body that is a {@code List<Exchange>}, as camel-kafka's batching consumer
 * hands over) were not delivered. Each failed inner exchange carries its own exception and result headers; the
 * delivered ones are marked delivered, so a redelivery of the batch sends only the failed ones again. The cause is the
 * first failure.
 */
public class ExchangesFailedException extends CamelExchangeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Exchange> failedExchanges;
    private final int exchangeCount;

    public ExchangesFailedException(Exchange batch, List<Exchange> failedExchanges, int exchangeCount) {
        super(failedExchanges.size() + " of " + exchangeCount + " exchanges of the batch were not delivered; the first: "
              + failedExchanges.get(0).getException().getMessage(), batch, failedExchanges.get(0).getException());
        this.failedExchanges = List.copyOf(failedExchanges);
        this.exchangeCount = exchangeCount;
    }

    /** The inner exchanges that failed, in batch order, each with its own exception. */
    public List<Exchange> failedExchanges() {
        return failedExchanges;
    }

    /** How many exchanges the batch held. */
    public int exchangeCount() {
        return exchangeCount;
    }
}
