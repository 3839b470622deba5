/**
 * Pre-trade compliance: every order — the planner's and the order system's — is screened against the
 * guardrails workbook on the post-trade state of its whole batch (sells first, their proceeds available
 * to buys). Each order gets a verdict, the worst severity of the rows it violates (PASS if none), and
 * every violation is explained with the workbook row that decided it and the numbers it saw. Bad input
 * (a missing account, a negative quantity) is a violation too, never an exception: the rest of the
 * batch is still screened.
 */
package trimtab.engine.guardrail;
