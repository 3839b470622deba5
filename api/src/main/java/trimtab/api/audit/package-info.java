/**
 * The audit trail: every decision, approval and run appended as a hash-chained entry carrying the rule-set
 * versions and a hash of its inputs, and a check that walks the chain and names the first entry that was
 * changed, removed or inserted afterwards.
 */
package trimtab.api.audit;
