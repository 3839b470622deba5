import { api } from '../api.js';
import { h, show, loading, money, number, table, field } from '../ui.js';
import { lineChart, ruleBars } from '../charts.js';

function measure(id, title, value, note) {
  return h('div', { class: 'card', id }, h('div', { class: 'muted' }, title), h('div', { class: 'measure' }, value), note ? h('div', { class: 'muted' }, note) : null);
}

/** The firm's measures over a period, and how they moved run by run. */
export async function dashboardPage(params) {
  const from = params.get('from') || '';
  const to = params.get('to') || '';
  const dry = params.get('dryRuns') === 'true';
  loading('the dashboard');
  const q = new URLSearchParams();
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  if (dry) q.set('dryRuns', 'true');
  const d = await api('/api/v1/dashboard' + (q.toString() ? '?' + q : ''));
  const t = d.totals;
  // month-day, with the time when several runs share a day
  const days = new Set(d.runs.map(r => r.requestedAt.slice(0, 10)));
  const labels = d.runs.map(r => days.size < d.runs.length ? r.requestedAt.slice(5, 16).replace('T', ' ') : r.requestedAt.slice(5, 10));
  show(
    h('h1', {}, 'Firm dashboard'),
    h('form', { class: 'card inline', id: 'dashboard-period', onsubmit: e => {
        e.preventDefault();
        const f = new FormData(e.target);
        const n = new URLSearchParams();
        if (f.get('from')) n.set('from', f.get('from'));
        if (f.get('to')) n.set('to', f.get('to'));
        if (f.get('dryRuns')) n.set('dryRuns', 'true');
        location.hash = '#/dashboard' + (n.toString() ? '?' + n : '');
      } },
      field('dash-from', 'From', h('input', { type: 'date', name: 'from', value: d.from })),
      field('dash-to', 'To', h('input', { type: 'date', name: 'to', value: d.to })),
      h('div', {}, h('input', { type: 'checkbox', name: 'dryRuns', id: 'dash-dry', checked: dry }), ' ',
        h('label', { for: 'dash-dry', style: 'display:inline' }, 'Count dry runs')),
      h('button', { type: 'submit' }, 'Show')),
    h('p', { class: 'lead' }, `${t.runs} runs from ${d.from} to ${d.to}, ${t.households} households and ${t.accounts} accounts evaluated`
      + ` (each counted once per run). ${t.tradesProposed} trades proposed.`),
    h('div', { class: 'measures' },
      measure('m-drift', 'Average drift before → after', `${number(t.avgDriftBeforePts)} → ${number(t.avgDriftAfterPts)}`,
        'each household\'s largest drift from target, in points'),
      measure('m-cycle', 'Cycle time per 50 households', t.cycleSecondsPer50 === null ? '—' : number(t.cycleSecondsPer50, 1) + ' s', 'finished runs, start to finish'),
      measure('m-harvest', 'Tax-loss harvest capture', t.harvestCapturePct === null ? '—' : number(t.harvestCapturePct) + ' %',
        `${money(t.harvestedLosses)} harvested of ${money(t.availableLosses)} available`),
      measure('m-wash', 'Wash sales per 100 accounts', t.washSaleViolationsPer100Accounts === null ? '—' : number(t.washSaleViolationsPer100Accounts),
        `${t.washSaleViolations} got through (should be 0); ${t.washSalesStopped} stopped by the guardrails`),
      measure('m-blocked', 'Trades blocked', String(t.tradesBlocked), 'the guardrails refused them'),
      measure('m-held', 'Trades held for approval', String(t.tradesHeld), 'by a guardrail or a review trigger')),
    h('h2', {}, 'Over time'),
    d.runs.length ? h('div', { class: 'grid' },
      h('div', { class: 'card' }, lineChart('Average drift, before and after each run', labels, [
        { label: 'before', color: '#b3261e', values: d.runs.map(r => r.measures.avgDriftBeforePts) },
        { label: 'after', color: '#1e7b3c', values: d.runs.map(r => r.measures.avgDriftAfterPts) }], 'pts')),
      h('div', { class: 'card' }, lineChart('Cycle time per 50 households', labels, [
        { label: 'seconds', color: '#1f5fa8', values: d.runs.map(r => r.measures.cycleSecondsPer50) }])),
      h('div', { class: 'card' }, lineChart('Tax-loss harvest capture', labels, [
        { label: 'capture', color: '#1f5fa8', values: d.runs.map(r => r.measures.harvestCapturePct) }], '%')),
      h('div', { class: 'card' }, lineChart('Trades blocked and held', labels, [
        { label: 'blocked', color: '#b3261e', values: d.runs.map(r => r.measures.tradesBlocked) },
        { label: 'held', color: '#7a4bb0', values: d.runs.map(r => r.measures.tradesHeld) }])))
      : h('p', { class: 'muted' }, 'No runs in this period.'),
    h('h2', {}, 'Trades blocked and held, by rule'),
    d.byRule.length ? h('div', { class: 'card' }, ruleBars('Trades stopped by each rule', d.byRule)) : null,
    table('Trades stopped by rule', [
      { title: 'Rule', cell: r => r.ruleId },
      { title: 'Kind', cell: r => r.kind === 'TRIGGER' ? 'review trigger' : 'guardrail' },
      { title: 'Blocked', num: true, cell: r => r.blocked },
      { title: 'Held', num: true, cell: r => r.held }], d.byRule, 'No trade was blocked or held in this period.'),
    h('h2', {}, 'Runs'),
    table('Runs in the period', [
      { title: 'Run', cell: r => h('a', { href: '#/runs/' + encodeURIComponent(r.runId) }, r.runId.slice(0, 8)) },
      { title: 'As of', cell: r => r.asOf }, { title: 'Status', cell: r => r.status.toLowerCase() },
      { title: 'Households', num: true, cell: r => r.measures.households },
      { title: 'Drift before', num: true, cell: r => number(r.measures.avgDriftBeforePts) },
      { title: 'Drift after', num: true, cell: r => number(r.measures.avgDriftAfterPts) },
      { title: 's / 50 households', num: true, cell: r => number(r.measures.cycleSecondsPer50, 1) },
      { title: 'Blocked', num: true, cell: r => r.measures.tradesBlocked },
      { title: 'Held', num: true, cell: r => r.measures.tradesHeld }], d.runs, 'No runs.'));
}
