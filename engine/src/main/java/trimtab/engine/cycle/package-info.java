/**
 * One rebalancing cycle for a household, from its book to the trades an advisor can act on: trigger
 * evaluation, the household's decision, a plan per portfolio in the mode the decision and the tax policy ask
 * for, guardrail screening (re-planning around what the guardrails block), and the trigger rows behind each
 * trade. {@link trimtab.engine.cycle.RebalanceCycle} is the facade; the service runs it per household and
 * stores its {@link trimtab.engine.cycle.HouseholdOutcome}.
 *
 * <p>What each decision does (the household's decision is SUSPEND if any hit suspends, otherwise the action of
 * its most urgent hit; see {@link trimtab.engine.trigger.HouseholdTriggers#decision()}):
 * <ul>
 * <li><b>no trigger</b>: no trades.</li>
 * <li><b>REBALANCE</b>: out-of-band classes are traded in the tax policy's mode (to target or to the band edge).
 *     A household sleeve spans accounts whose policies may differ (an IRA to target, a taxable account to the band
 *     edge): it is traded in the most cautious of its accounts' modes, since any of its trades may land in any of
 *     its accounts.</li>
 * <li><b>HARVEST</b>: lots beyond the tax policy's harvest thresholds are sold and replaced by a substitute; classes
 *     are otherwise traded only if they are outside their band, and then only to its edge (TO_BAND_EDGE).</li>
 * <li><b>RAISE_CASH</b>: SELL_ONLY — overweight classes are sold, nothing is bought.</li>
 * <li><b>INVEST_CASH</b>: BUY_ONLY — cash buys underweight classes, nothing is sold.</li>
 * <li><b>REVIEW</b> and <b>SUSPEND</b>: the trades are still planned and screened, so the advisor sees what
 *     would be traded, but every trade the guardrails do not block is held for approval (REQUIRE_APPROVAL, with
 *     the hit that held it): "VIX at or above a level suspends automated execution and queues trades for advisor
 *     review". What is planned is decided by the hits that do ask for a trade, as above; when none does (a life
 *     event alone), nothing is proposed.</li>
 * </ul>
 * The household decision says whether trades are proposed and whether they are automated or held; each
 * portfolio (the household sleeve, each account with a model of its own) is planned only if a trading hit
 * (REBALANCE, HARVEST, RAISE_CASH, INVEST_CASH) concerns it, in the mode of its own most urgent such hit. A harvest
 * hit concerns the portfolio that holds its lot. A portfolio in balance is left alone.
 */
package trimtab.engine.cycle;
