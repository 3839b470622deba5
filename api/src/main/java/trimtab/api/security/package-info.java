/**
 * Who may use the service and what they may see: users in MariaDB with bcrypt password hashes, login for a
 * bearer token (JWT), roles checked on every route ({@code @Secured}), advisors limited to their own
 * households ({@link trimtab.api.security.HouseholdScope}), login lock-out after repeated failures, and the
 * first users created on first start. The acting user of every request ({@link trimtab.api.security.Caller})
 * is what the audit trail records.
 */
package trimtab.api.security;
