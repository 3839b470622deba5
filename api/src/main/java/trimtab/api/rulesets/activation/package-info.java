/**
 * Putting a rule-set version in force: a second compliance officer's approval (four eyes: never the uploader),
 * its activation, and rollback to a version that was in force before. Each step is an event row of
 * {@link trimtab.api.rulesets.RuleSetStore} written with its audit entry in one transaction; this instance then
 * swaps at once ({@link trimtab.api.rulesets.RuleSetsInForce#refresh()}) and the others within their poll interval.
 */
package trimtab.api.rulesets.activation;
