package io.github.camelawsevents.aws.scn;

/** How {@code aws-scn-event} checks records against their target's schema before sending (option recordCheck). */
public enum RecordCheckMode {
    /** No check beyond the API's own rules (records go as they are). */
    OFF,
    /**
     * Refuse records that lack a required column, carry a value not of its column's type or a timestamp in a form the
     * service does not take, or carry an internal field; send records with columns the schema does not know, and log a
     * warning once per column.
     */
    WARN_UNKNOWN,
    /** As WARN_UNKNOWN, and also refuse records with columns the schema does not know. */
    STRICT
}
