package io.github.camelawsevents.aws.scn;

/**
 * What {@code aws-scn-event} does with an exchange whose dataset load is still {@code IN_PROGRESS} when
 * {@code datasetLoadTimeout} ran out (option {@code datasetLoadTimeoutAction}, with {@code confirmDatasetLoad}).
 */
public enum DatasetLoadTimeoutAction {
    /** Fail the exchange with a {@link DatasetLoadTimeoutException}. */
    FAIL,
    /** Complete the exchange with header {@code CamelAwsScnDatasetLoadStatus=IN_PROGRESS}. */
    COMPLETE
}
