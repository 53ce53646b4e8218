package io.github.camelawsevents.examples;

import java.util.Arrays;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;

import io.github.camelawsevents.aws.scn.ScnEventAggregationStrategy;

/**
 * The beans the routes use by name (the YAML routes cannot call constructors as easily as Java can): found by
 * Camel Main's package scan.
 */
public class ExampleBeans implements CamelConfiguration {

    /** What the feeds read, delivered and dead-lettered; the run waits until it is settled. */
    @BindToRegistry("ledger")
    public FeedLedger ledger(@PropertyInject("examples.feeds") String feeds) {
        return new FeedLedger(Arrays.stream(feeds.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList());
    }

    /** CSV text to records, for the YAML routes. */
    @BindToRegistry("csv")
    public CsvRecords csv() {
        return new CsvRecords();
    }

    /**
     * Batches Supply Chain records per event type and group, each batch one event of at most 1,048,576 characters of
     * data. It keeps its state on the exchanges, so one instance serves every route.
     */
    @BindToRegistry("scnBatches")
    public ScnEventAggregationStrategy scnBatches() {
        return new ScnEventAggregationStrategy();
    }
}
