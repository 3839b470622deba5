/**
 * The order file operations send to custodians: a finished run's tradable trades (PASS and WARN, and those that
 * required approval and were approved) as block orders per custodian, side and security, each with its account
 * allocations. Columns: docs/order-export.md.
 */
package trimtab.api.orderexport;
