package io.github.camelawsevents.aws.scn;

/** The rules of the record check ({@link RecordCheck}); each names what a record broke. */
public enum RecordRule {
    /** A required column is missing, null or empty. */
    REQUIRED,
    /** A value is not of its column's type. */
    TYPE,
    /** A timestamp column holds text in no form the service takes. */
    TIMESTAMP_FORMAT,
    /** A column AWS Supply Chain fills itself (connection_id, db_creation_dttm, db_updation_dttm in asc). */
    INTERNAL_FIELD,
    /** A column the schema does not know (refused with recordCheck=STRICT). */
    UNKNOWN_COLUMN
}
