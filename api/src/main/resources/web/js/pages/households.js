import { api, currentUser, hasRole } from '../api.js';
import { h, show, loading, errorBox, money, number, quantity, table, verdictBadge, field } from '../ui.js';
import { driftChart } from '../charts.js';

const DECISIONS = {
  REBALANCE: 'Rebalance', HARVEST: 'Harvest tax losses', RAISE_CASH: 'Raise cash', INVEST_CASH: 'Invest cash',
  REVIEW: 'Review by the advisor', SUSPEND: 'Trading suspended'
};
const COURSES = {
  NO_TRADES: 'No trades proposed.',
  AUTOMATED: 'Trades that pass the guardrails go ahead without approval.',
  HELD_FOR_APPROVAL: 'Every trade waits for an advisor\'s approval.'
};

export function decisionWords(decision) {
  return decision ? (DECISIONS[decision] || decision) : 'Nothing triggered';
}

/** The advisor's households, furthest from target first, each with its classes charted against their bands. */
export async function householdsPage(params) {
  const user = currentUser();
  const advisorOnly = hasRole('ADVISOR') && user.advisorId;
  const advisorId = advisorOnly ? user.advisorId : (params.get('advisorId') || '');
  loading('households');
  const query = advisorId ? '?advisorId=' + encodeURIComponent(advisorId) : '';
  const households = await api('/api/v1/household-drift' + query);
  const filter = advisorOnly ? null : h('form', { class: 'inline card', onsubmit: e => {
      e.preventDefault();
      const v = e.target.querySelector('input').value.trim();
      location.hash = '#/households' + (v ? '?advisorId=' + encodeURIComponent(v) : '');
    } },
    field('advisor-filter', 'Advisor', h('input', { type: 'text', value: advisorId, placeholder: 'e.g. ADV-01' })),
    h('button', { type: 'submit' }, 'Show'));
  const outOfBand = households.filter(x => x.outsideBand > 0).length;
  show(
    h('h1', {}, advisorOnly ? 'Your households' : 'Households'),
    h('p', { class: 'lead' }, `${households.length} households; ${outOfBand} with an asset class outside its band at their latest run. `
      + 'Furthest from target first. Each bar is an asset class: the shaded area is its band, red means outside it.'),
    filter,
    households.length ? h('div', { class: 'grid' }, households.map(card)) : h('p', {}, 'No households.'));
}

function title(x) {
  return x.name && x.name !== x.householdId ? x.householdId + ' · ' + x.name : x.householdId;
}

function card(x) {
  const run = x.latestRun;
  const link = run ? '#/runs/' + encodeURIComponent(run.runId) + '/households/' + encodeURIComponent(x.householdId) : null;
  return h('section', { class: 'card household', 'data-household': x.householdId, 'aria-labelledby': 'hh-' + x.householdId },
    h('h2', { id: 'hh-' + x.householdId }, link ? h('a', { href: link }, title(x)) : title(x)),
    run ? h('p', {},
      h('strong', {}, decisionWords(run.decision)), ` on ${run.asOf}. `,
      `Largest drift ${number(x.worstDriftPts)} points; ${x.outsideBand} class${x.outsideBand === 1 ? '' : 'es'} outside ${x.outsideBand === 1 ? 'its band' : 'their bands'}. `,
      `${run.tradeCount} trade${run.tradeCount === 1 ? '' : 's'} proposed`, run.blockedCount ? `, ${run.blockedCount} blocked.` : '.')
      : h('p', { class: 'muted' }, 'No run has looked at this household yet.'),
    run && run.error ? h('p', { class: 'error' }, run.error) : null,
    x.drift.map(p => h('figure', {}, h('figcaption', { class: 'muted' }, p.scope + (p.model ? ' · model ' + p.model : '')), driftChart(p))));
}

/** One household in one run: accounts, drift, trigger hits, proposed and blocked trades with their verdicts. */
export async function householdPage(runId, householdId) {
  loading('household ' + householdId);
  const detail = await api('/api/v1/runs/' + encodeURIComponent(runId) + '/households/' + encodeURIComponent(householdId));
  let book = null;
  let bookError = null;
  try {
    book = await api('/api/v1/households/' + encodeURIComponent(householdId));
  } catch (e) {
    if (e.status === 401) throw e;
    bookError = e;
  }
  const tradeColumns = [
    { title: 'Account', cell: t => t.accountId },
    { title: 'Trade', cell: t => `${t.side} ${quantity(t.quantity)} ${t.symbol}` },
    { title: 'Amount', num: true, cell: t => money(t.notional) },
    { title: 'Purpose', cell: t => t.purpose.toLowerCase() },
    { title: 'Verdict', cell: t => verdictBadge(t.verdict) },
    { title: 'Approval', cell: t => approvalWords(t.approval) },
    { title: '', cell: t => h('a', { href: '#/trades/' + encodeURIComponent(t.tradeId), class: 'why-link', 'data-trade': t.tradeId,
        'aria-label': `Why: ${t.side} ${t.symbol} in ${t.accountId}` }, t.verdict === 'BLOCK' ? 'Why blocked?' : 'Why?') }
  ];
  show(
    h('h1', {}, book ? title(book) : detail.householdId),
    h('p', { class: 'lead' }, h('strong', {}, decisionWords(detail.decision)), '. ', COURSES[detail.course] || detail.course,
      detail.heldBy.length ? ' Held by ' + detail.heldBy.join(', ') + '.' : ''),
    h('p', { class: 'muted' }, 'Run ', h('a', { href: '#/runs/' + encodeURIComponent(runId) }, runId), '. ',
      `Estimated tax ${money(detail.estimatedTax)}; losses harvested ${money(detail.harvestedLosses)}.`),
    detail.error ? h('div', { class: 'error', role: 'alert' }, detail.error) : null,
    h('h2', {}, 'Drift before the run'),
    detail.driftBefore.length ? detail.driftBefore.map(p => h('figure', { class: 'card', style: 'margin:0 0 1rem' },
      h('figcaption', {}, p.scope + (p.model ? ' · model ' + p.model : '') + ' · value ' + money(p.totalValue)), driftChart(p)))
      : h('p', { class: 'muted' }, 'No drift recorded.'),
    detail.plans.length ? h('h2', {}, 'Drift after the proposed trades') : null,
    detail.plans.map(plan => h('figure', { class: 'card', style: 'margin:0 0 1rem' },
      h('figcaption', {}, `${plan.scope} · ${plan.mode.toLowerCase().replaceAll('_', ' ')}: ${plan.modeReason}`), driftChart(plan.driftAfter),
      plan.residuals.length ? h('ul', {}, plan.residuals.map(r => h('li', {}, `${r.assetClass} stays ${number(r.driftPts)} points off: ${r.reason}`))) : null)),
    h('h2', {}, 'What triggered'),
    detail.hits.length ? h('ul', {}, detail.hits.map(hit => h('li', {}, h('strong', {}, hit.action.toLowerCase().replace('_', ' ') + ': '),
      hit.message, h('span', { class: 'muted' }, ` (${hit.explanation.workbook}, sheet ${hit.explanation.sheet}, row ${hit.explanation.row}, rule ${hit.ruleId})`))))
      : h('p', { class: 'muted' }, 'No trigger row fired.'),
    h('h2', { id: 'trades-heading' }, 'Proposed trades'),
    table('Proposed trades', tradeColumns, detail.trades, 'No trades proposed.'),
    h('h2', { id: 'blocked-heading' }, 'Blocked trades'),
    table('Blocked trades', tradeColumns, detail.blocked, 'None blocked.'),
    h('h2', {}, 'Accounts'),
    book ? accounts(book) : errorBox(bookError));
}

function accounts(book) {
  return book.accounts.map(a => h('section', { class: 'card' },
    h('h3', {}, `${a.accountId} · ${a.type.replaceAll('_', ' ').toLowerCase()} at ${a.custodian || 'no custodian'}`),
    h('p', {}, `Cash ${money(a.cash)}` + (a.modelId ? ` · own model ${a.modelId}` : '')),
    table('Lots of ' + a.accountId, [
      { title: 'Lot', cell: l => l.lotId },
      { title: 'Security', cell: l => l.symbol },
      { title: 'Quantity', num: true, cell: l => quantity(l.quantity) },
      { title: 'Cost basis', num: true, cell: l => money(l.costBasis) },
      { title: 'Bought', cell: l => l.acquired }
    ], a.lots, 'No lots.')));
}

export function approvalWords(approval) {
  switch (approval.state) {
    case 'NOT_REQUIRED': return 'not needed';
    case 'PENDING': return 'waiting for approval';
    case 'BLOCKED': return 'cannot be approved';
    default: return approval.state.toLowerCase() + (approval.decidedBy ? ' by ' + approval.decidedBy : '');
  }
}
