package io.github.camelawsevents.benchmarks;

/**
 * What a contender saw of one run.
 *
 * @param failed       events that failed (an error on their exchange, an SDK exception, a failed entry)
 * @param acknowledged events the service acknowledged as the contender saw it: one per event, except where several
 *                     records travel as one Supply Chain event (then one per event id received); the harness checks
 *                     the emulator accepted at least as many
 */
public record RunOutcome(long failed, long acknowledged) {
}
