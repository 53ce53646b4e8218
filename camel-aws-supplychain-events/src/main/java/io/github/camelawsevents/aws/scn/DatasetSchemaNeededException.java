package io.github.camelawsevents.aws.scn;

/**
 * Signal from {@link ScnMessageReader} to the producer: the records of a {@code scn.data.dataset} event are to be
 * checked against a dataset schema that has not been read yet. Not an error the user sees: the producer reads the
 * schema asynchronously and reads the message again.
 */
final class DatasetSchemaNeededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String datasetArn;

    DatasetSchemaNeededException(String datasetArn) {
        super("the schema of dataset " + datasetArn + " is needed", null, false, false);
        this.datasetArn = datasetArn;
    }

    String datasetArn() {
        return datasetArn;
    }
}
