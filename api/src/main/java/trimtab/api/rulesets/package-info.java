/**
 * The rule sets the service enforces: which version of the triggers, tax-policy and guardrail tables is in
 * force, taken as one consistent trio by each request and run.
 */
package trimtab.api.rulesets;
