/**
 * Drift: how far a portfolio's allocation has wandered from its model.
 *
 * <p>For each asset class of the model (cash included): weight = market value in the class / total market
 * value; absolute drift = weight - target in percentage points; relative drift = absolute drift / target.
 * A class is out of band when its absolute drift exceeds the absolute band or its relative drift exceeds
 * the relative band (the "5/25" rule: whichever is hit first); a drift exactly on the band edge is inside.
 * Drift is measured for the household sleeve (all accounts without a model of their own, against the
 * household model) and for each account that has an account-level model.
 */
package trimtab.engine.drift;
