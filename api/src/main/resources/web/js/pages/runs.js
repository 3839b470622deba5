import { api, currentUser, hasRole } from '../api.js';
import { h, show, loading, errorBox, money, table, when, field } from '../ui.js';
import { decisionWords } from './households.js';

const STATUS = { RUNNING: 'running', FINISHED: 'finished', FAILED: 'failed' };
const COUNTED = { PASS: 'passed', WARN: 'passed with a warning', REQUIRE_APPROVAL: 'need approval', BLOCK: 'blocked' };

export function ruleSetWords(ruleSets) {
  return ruleSets.map(r => `${r.kind.toLowerCase().replace('_', '-')} v${r.version}`).join(', ');
}

/** The latest runs, and a form to start one (an advisor's run covers their own households). */
export async function runsPage() {
  loading('runs');
  let runs = [];
  let listError = null;
  try {
    runs = await api('/api/v1/runs?limit=20');
  } catch (e) {
    if (e.status === 401) throw e;
    listError = e;
  }
  const user = currentUser();
  const advisor = hasRole('ADVISOR') && user.advisorId;
  const asOf = h('input', { type: 'date', name: 'asOf' });
  const dry = h('input', { type: 'checkbox', name: 'dryRun', id: 'run-dry' });
  const households = h('input', { type: 'text', name: 'households', placeholder: 'all households' });
  const message = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'card', id: 'start-run', onsubmit: async e => {
      e.preventDefault();
      message.replaceChildren(h('p', { role: 'status' }, 'Starting…'));
      try {
        const body = { dryRun: dry.checked };
        if (asOf.value) body.asOf = asOf.value;
        if (advisor) {
          const mine = await api('/api/v1/household-drift?advisorId=' + encodeURIComponent(user.advisorId) + '&limit=1000');
          body.households = mine.map(x => x.householdId);
        } else if (households.value.trim()) {
          body.households = households.value.split(/[\s,]+/).filter(Boolean);
        }
        const accepted = await api('/api/v1/runs', { method: 'POST', body });
        location.hash = '#/runs/' + encodeURIComponent(accepted.runId);
      } catch (error) {
        message.replaceChildren();
        if (error.status !== 401) message.append(errorBox(error));
      }
    } },
    h('h2', { style: 'margin-top:0' }, 'Start a run'),
    h('p', {}, advisor ? 'The run looks at each of your households as of the date: drift, triggers, trades and the guardrails\' verdicts.'
      : 'The run looks at the households as of the date: drift, triggers, trades and the guardrails\' verdicts.'),
    field('run-as-of', 'Book as of (empty: today)', asOf),
    advisor ? null : field('run-households', 'Households (ids separated by commas; empty: all)', households),
    h('div', { class: 'actions' }, dry, h('label', { for: 'run-dry', style: 'display:inline;margin:0;font-weight:normal' },
      'Dry run: record everything, trade nothing')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'start-run-submit' }, 'Start the run')),
    message);
  show(h('h1', {}, 'Rebalance runs'), hasRole('ADVISOR', 'OPERATIONS') ? form : null,
    h('h2', {}, 'Latest runs'),
    listError ? errorBox(listError) : table('Latest runs', [
      { title: 'Run', cell: r => h('a', { href: '#/runs/' + encodeURIComponent(r.runId) }, r.runId.slice(0, 8)) },
      { title: 'Status', cell: r => STATUS[r.status] || r.status },
      { title: 'As of', cell: r => r.asOf },
      { title: 'Households', num: true, cell: r => `${r.progress.householdsDone} of ${r.progress.householdsTotal}` },
      { title: 'Started by', cell: r => r.requestedBy },
      { title: 'When', cell: r => when(r.requestedAt) },
      { title: 'Dry', cell: r => r.dryRun ? 'yes' : '' }], runs, 'No runs yet.'));
}

let polling = null;

/** A run's progress, refreshed every second while it runs, then what it decided. */
export async function runPage(runId) {
  clearTimeout(polling);
  loading('run ' + runId);
  const run = await api('/api/v1/runs/' + encodeURIComponent(runId));
  const p = run.progress;
  const body = [
    h('h1', {}, 'Run ' + runId.slice(0, 8)),
    h('p', { class: 'lead', id: 'run-status', role: 'status' }, `This run is ${STATUS[run.status] || run.status}: `
      + `${p.householdsDone} of ${p.householdsTotal} households done.`),
    h('progress', { class: 'progress', max: Math.max(1, p.householdsTotal), value: p.householdsDone,
      'aria-label': 'Households done' }),
    h('dl', { class: 'kv card' },
      h('dt', {}, 'Book as of'), h('dd', {}, run.asOf),
      h('dt', {}, 'Started by'), h('dd', {}, `${run.requestedBy}, ${when(run.requestedAt)}`),
      h('dt', {}, 'Ended'), h('dd', {}, when(run.endedAt)),
      h('dt', {}, 'Rules'), h('dd', {}, ruleSetWords(run.ruleSets)),
      h('dt', {}, 'Dry run'), h('dd', {}, run.dryRun ? 'yes: nothing will be traded' : 'no')),
    run.failure ? h('div', { class: 'error', role: 'alert' }, 'The run failed: ' + run.failure) : null
  ];
  if (run.summary) {
    const s = run.summary;
    body.push(h('h2', {}, 'What it decided'),
      h('p', {}, `${s.householdsTriggered} households triggered, ${s.householdsWithoutTrigger} without a trigger, `
        + `${s.householdsFailed} could not be evaluated. ${s.tradesProposed} trades proposed: `
        + Object.entries(s.tradesByVerdict).map(([v, n]) => `${n} ${COUNTED[v] || v}`).join(', ')
        + `. ${s.awaitingApproval} wait for approval. Estimated tax ${money(s.estimatedTax)}; losses harvested ${money(s.harvestedLosses)}.`));
    try {
      const households = await api('/api/v1/runs/' + encodeURIComponent(runId) + '/households?limit=1000');
      body.push(h('h2', {}, 'Households'), table('Households of the run', [
        { title: 'Household', cell: x => h('a', { href: '#/runs/' + encodeURIComponent(runId) + '/households/' + encodeURIComponent(x.householdId) }, x.householdId) },
        { title: 'Decision', cell: x => decisionWords(x.decision) },
        { title: 'Trades', num: true, cell: x => x.tradeCount },
        { title: 'Blocked', num: true, cell: x => x.blockedCount },
        { title: 'Problem', cell: x => x.error || '' }], households));
    } catch (e) {
      if (e.status === 401) throw e;
      body.push(errorBox(e));
    }
  }
  show(...body);
  if (run.status === 'RUNNING') {
    polling = setTimeout(() => {
      if (location.hash === '#/runs/' + encodeURIComponent(runId) || location.hash === '#/runs/' + runId) {
        runPage(runId).catch(() => {});
      }
    }, 1000);
  }
}
