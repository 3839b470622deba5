/**
 * The trade planner: turns a household's drift into the trades a careful advisor would place. It plans
 * the household sleeve as one portfolio across its accounts: sells tax-sheltered holdings first, picks lots
 * in taxable accounts by the account's lot method within the gain budget and short-term cap, keeps a cash
 * reserve for scheduled distributions, buys with each account's own cash (cash cannot move between
 * accounts), prefers bonds in tax-sheltered accounts, honours no-buy / no-sell lists, restrictions and
 * ESG exclusions, avoids wash sales, and reports the drift it could not remove and why.
 */
package trimtab.engine.planner;
