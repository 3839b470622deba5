import { api, hasRole } from '../api.js';
import { h, show, loading, errorBox, money, quantity, table, verdictBadge, when, field } from '../ui.js';
import { approvalWords } from './households.js';
import { ruleSetWords } from './runs.js';

/**
 * What would make a trade pass a guardrail row, in words, from the row's family (its rule id, or its sheet) and the
 * numbers the row saw. The rows themselves live in the workbook; this only says what would have to change.
 */
export function wouldPass(violation) {
  const e = violation.explanation;
  const seen = Object.assign({}, ...Object.values(e.facts || {}));
  const id = (violation.ruleId || '').toUpperCase();
  const sheet = (e.sheet || '').toLowerCase();
  const symbol = seen.symbol || 'the security';
  if (id.startsWith('DATA-STALE') || (sheet === 'data' && seen.priceAgeDays)) {
    return `A fresh price for ${symbol}: the last one is ${seen.priceAgeDays || 'several'} business days old`
      + (seen.priceDate ? ` (${seen.priceDate})` : '') + '. Once operations loads a current price, the next run can trade it.';
  }
  if (id.startsWith('DATA-SEC')) return `Operations setting ${symbol} up in the security master.`;
  if (id.startsWith('DATA-PRICE')) return `A price for ${symbol}, or a limit price on the order.`;
  if (id.startsWith('DATA')) return 'Correct order data: the account and security must be in the book.';
  if (id.startsWith('RESTR-ESG')) return `Choosing a security without the excluded tags, or the client changing the exclusions of the account.`;
  if (id.startsWith('RESTR-ERISA')) return 'Choosing a fund from the plan menu of the account.';
  if (id.startsWith('RESTR') || sheet === 'restrictions') return `Choosing another security, or ${symbol} coming off the list (only whoever keeps the list can do that).`;
  if (id.startsWith('CONC') || sheet === 'concentration') {
    return `A smaller purchase, so that ${symbol} (or its issuer) stays at or under the limit after the batch`
      + (violation.severity === 'REQUIRE_APPROVAL' ? ', or a compliance officer\'s approval.' : '.');
  }
  if (id.startsWith('IPS') || sheet === 'allocation') {
    return `A batch that keeps ${seen.assetClass || 'the asset class'} within the household's investment policy range`
      + (seen.ipsMin !== undefined ? ` of ${seen.ipsMin} % to ${seen.ipsMax} %.` : '.');
  }
  if (id.startsWith('TRADE-SHORT')) return `Selling no more than the ${seen.heldQuantity || ''} shares the account holds.`;
  if (id.startsWith('TRADE-CASH')) return 'Enough cash in the account: sell first, add cash, or buy less.';
  if (id.startsWith('TRADE-MIN')) return 'A larger trade, at or above the minimum notional.';
  if (id.startsWith('TRADE-MAX')) return 'A smaller trade, or an approval (large trades need one).';
  if (id.startsWith('WASH') || sheet === 'washsale') {
    return 'Waiting until no substantially identical security has been bought or sold at a loss within 30 days before or after '
      + '(the 61-day window), or buying a security from another wash-sale group.';
  }
  if (id.startsWith('VIX') || sheet === 'market') return 'The VIX falling below the circuit-breaker level, or an advisor\'s approval.';
  return 'A trade that no longer meets the row\'s conditions, or a change of the row by the compliance officers.';
}

function factsList(facts) {
  const entries = Object.entries(facts || {});
  if (!entries.length) return h('p', { class: 'muted' }, 'No facts recorded.');
  return entries.map(([binding, values]) => h('dl', { class: 'kv facts' },
    Object.entries(values).filter(([, v]) => v !== '').flatMap(([k, v]) => [h('dt', {}, words(k)), h('dd', {}, v)])));
}

/** "priceAgeDays" -> "price age days". */
function words(name) {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function where(e) {
  return `${e.workbook}, sheet ${e.sheet}, row ${e.row}, rule ${e.ruleId} (${e.table.toLowerCase().replace('_', '-')} version ${e.ruleSetVersion})`;
}

const TITLES = {
  BLOCK: 'was blocked', REQUIRE_APPROVAL: 'needs approval', WARN: 'passed with a warning', PASS: 'passed'
};

/** Why a trade is there and why it was decided as it was, in plain language, with approve / reject when it waits. */
export async function whyPage(tradeId) {
  loading('trade ' + tradeId);
  const why = await api('/api/v1/trades/' + encodeURIComponent(tradeId) + '/why');
  const t = why.trade;
  const description = `${t.side === 'BUY' ? 'Buy' : 'Sell'} ${quantity(t.quantity)} ${t.symbol} in ${t.accountId}`;
  show(
    h('h1', {}, `Why “${description}” ${TITLES[why.verdict] || why.verdict}`),
    h('p', {}, verdictBadge(why.verdict), ' ',
      h('a', { href: '#/runs/' + encodeURIComponent(why.run.runId) + '/households/' + encodeURIComponent(t.householdId) },
        'Back to household ' + t.householdId)),
    h('p', { class: 'lead', id: 'why-summary' }, why.summary),
    h('dl', { class: 'kv card' },
      h('dt', {}, 'Trade'), h('dd', {}, `${description} at ${money(t.price)}: ${money(t.notional)} (${t.assetClass})`),
      h('dt', {}, 'Why it was proposed'), h('dd', {}, why.reason),
      h('dt', {}, 'Run'), h('dd', {}, `${why.run.runId}, book as of ${why.run.asOf}${why.run.dryRun ? ' (dry run: nothing will be traded)' : ''}`),
      h('dt', {}, 'Rules used'), h('dd', {}, ruleSetWords(why.ruleSets))),
    why.violations.length ? h('h2', {}, 'The rules it breaks') : null,
    why.violations.map((v, i) => h('section', { class: 'card violation', 'data-rule': v.ruleId, 'aria-labelledby': 'v-' + i },
      h('h3', { id: 'v-' + i }, `${v.severity === 'BLOCK' ? 'Blocked' : v.severity === 'REQUIRE_APPROVAL' ? 'Held for approval' : 'Warning'} by rule ${v.ruleId}`),
      h('p', { class: 'rule-message' }, v.explanation.message),
      h('h4', {}, 'Where the rule is'), h('p', { class: 'rule-where' }, where(v.explanation)),
      h('h4', {}, 'The numbers it saw'), factsList(v.explanation.facts),
      h('h4', {}, 'What would make it pass'), h('p', { class: 'would-pass' }, wouldPass(v)))),
    why.heldBy.length ? h('h2', {}, 'Why it waits for approval') : null,
    why.heldBecause ? h('p', {}, why.heldBecause) : null,
    why.heldBy.map(hit => h('section', { class: 'card' }, h('h3', {}, `Held by trigger ${hit.ruleId}`), h('p', {}, hit.message),
      h('h4', {}, 'Where the rule is'), h('p', {}, where(hit.explanation)),
      h('h4', {}, 'The numbers it saw'), factsList(hit.explanation.facts),
      h('h4', {}, 'What would make it pass'), h('p', {}, 'An advisor approving the trade, below.'))),
    why.triggers.length ? h('h2', {}, 'What started it') : null,
    why.triggers.length ? h('ul', {}, why.triggers.map(hit => h('li', {}, hit.message, h('span', { class: 'muted' }, ' (' + where(hit.explanation) + ')')))) : null,
    why.lots.length ? h('h2', {}, 'Lots it sells') : null,
    why.lots.length ? table('Lots sold', [
      { title: 'Lot', cell: l => l.lotId }, { title: 'Quantity', num: true, cell: l => quantity(l.quantity) },
      { title: 'Bought', cell: l => l.acquired }, { title: 'Basis', num: true, cell: l => money(l.basis) },
      { title: 'Proceeds', num: true, cell: l => money(l.proceeds) }, { title: 'Gain', num: true, cell: l => money(l.gain) },
      { title: 'Term', cell: l => l.term.toLowerCase() }], why.lots) : null,
    h('h2', {}, 'Approval'),
    h('p', { id: 'approval-state' }, 'This trade ', approvalWords(why.approval),
      why.approval.reason ? ` (“${why.approval.reason}”, ${when(why.approval.decidedAt)})` : '', '.'),
    why.approval.state === 'PENDING' && !why.run.dryRun && hasRole('ADVISOR') ? approvalForm(tradeId) : null,
    why.approvals.length ? table('Decisions', [
      { title: 'Decision', cell: a => a.decision }, { title: 'By', cell: a => a.decidedBy },
      { title: 'When', cell: a => when(a.decidedAt) }, { title: 'Reason', cell: a => a.reason }], why.approvals) : null);
}

function approvalForm(tradeId) {
  const reason = h('textarea', { name: 'reason', required: true });
  const message = h('div', { 'aria-live': 'polite' });
  const choice = value => h('label', { style: 'font-weight:normal;display:inline-flex;gap:.4rem;margin-right:1.5rem' },
    h('input', { type: 'radio', name: 'decision', value, required: true, id: 'decision-' + value.toLowerCase() }),
    value === 'APPROVED' ? 'Approve' : 'Reject');
  return h('form', { class: 'card', id: 'approval-form', onsubmit: async e => {
      e.preventDefault();
      const picked = e.target.querySelector('input[name=decision]:checked');
      message.replaceChildren();
      try {
        await api('/api/v1/trades/' + encodeURIComponent(tradeId) + '/approval', { method: 'POST',
          body: { decision: picked ? picked.value : null, reason: reason.value.trim() } });
        await whyPage(tradeId);
      } catch (error) {
        if (error.status !== 401) message.append(errorBox(error));
      }
    } },
    h('fieldset', { style: 'border:0;padding:0;margin:0' }, h('legend', { style: 'font-weight:600' }, 'Your decision'),
      choice('APPROVED'), choice('REJECTED')),
    field('approval-reason', 'Reason (kept in the audit trail)', reason),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'approval-submit' }, 'Record decision')),
    message);
}
