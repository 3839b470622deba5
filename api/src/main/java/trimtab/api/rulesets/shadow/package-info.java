/**
 * Shadow runs: a candidate rule-set version evaluated beside the rules in force on the current book, as a dry run
 * (nothing is recorded as a decision), and the difference it would make, household by household — triggers gained
 * and lost, decisions, trades, verdicts — so that the officers who approve and activate it know what changes.
 */
package trimtab.api.rulesets.shadow;
