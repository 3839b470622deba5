/**
 * Rebalance runs: a request to run the rebalancing cycle ({@link trimtab.engine.cycle.RebalanceCycle}) over some or
 * all households as of a date, executed in the background on a small pool, household slice by slice; each slice's
 * results, proposed trades and audit entries are committed together, so that what the status and result endpoints
 * answer is read from MariaDB (any service instance can answer) and is never ahead of what is durable.
 *
 * <p>A run's households are work that any instance on the database can lease ({@link trimtab.api.run.RunWork}: slices
 * taken with {@code SELECT ... FOR UPDATE SKIP LOCKED}, leased until a time, recorded only while the lease holds); the
 * instance that accepted the run starts on it at once and the others join through their poll
 * ({@link trimtab.api.run.RunPoller}). An instance that dies leaves its slice to another once the lease expires; each
 * household is recorded once, and the run ends once, by whichever worker records the last households.
 *
 * <p>A run's state is told by its events (STARTED, then FINISHED or FAILED) and its progress by the households it
 * has recorded; nothing about a run is updated. The proposed trades, their verdicts and the latest approval of each
 * are read through {@link trimtab.api.run.ProposedTrades}, which approvals and the order export use too.
 */
package trimtab.api.run;
