import { api } from '../api.js';
import { h, show, loading, errorBox, table, when, field, verdictBadge, quantity, money } from '../ui.js';

const STATES = { DRAFT: 'draft: waits for a second officer\'s approval', APPROVED: 'approved: ready to activate', ACTIVE: 'in force', RETIRED: 'was in force before' };

function stateBadge(state) {
  return h('span', { class: 'badge v-' + state }, state.toLowerCase());
}

/** Every table: the version in force, all its versions, and forms to upload a workbook and to roll back. */
export async function ruleSetsPage() {
  loading('rule sets');
  const tables = await api('/api/v1/rule-sets');
  const sections = [];
  for (const t of tables) {
    const versions = await api('/api/v1/rule-sets/' + encodeURIComponent(t.table) + '/versions');
    sections.push(h('section', { class: 'card', id: 'table-' + t.table, 'aria-labelledby': 'h-' + t.table },
      h('h2', { id: 'h-' + t.table, style: 'margin-top:0' }, t.title),
      h('p', {}, `Version ${t.version} is in force (${t.fileName}, ${t.ruleCount} rules), `
        + `${t.activation === 'ROLLED_BACK' ? 'rolled back to' : 'activated'} by ${t.activatedBy} on ${when(t.activatedAt)}: “${t.reason}”.`),
      table(t.title + ' versions', [
        { title: 'Version', cell: v => h('a', { href: `#/rule-sets/${encodeURIComponent(t.table)}/versions/${v.version}`,
            'data-version': v.version }, 'Version ' + v.version) },
        { title: 'State', cell: v => stateBadge(v.state) },
        { title: 'Rules', num: true, cell: v => v.ruleCount },
        { title: 'Uploaded by', cell: v => v.uploadedBy },
        { title: 'When', cell: v => when(v.uploadedAt) },
        { title: 'Comment', cell: v => v.comment }], versions),
      uploadForm(t.table),
      rollbackForm(t.table, versions)));
  }
  show(h('h1', {}, 'Rule sets'),
    h('p', { class: 'lead' }, 'Each table\'s workbook in force and its versions. An upload is stored as a draft; a second compliance '
      + 'officer approves it, then it can be activated. A workbook with problems is not stored: the problems are listed by sheet and cell.'),
    ...sections);
}

function uploadForm(tableName) {
  const file = h('input', { type: 'file', name: 'file', accept: '.xlsx,.csv', required: true });
  const comment = h('input', { type: 'text', name: 'comment', required: true });
  const result = h('div', { 'aria-live': 'polite', class: 'upload-result' });
  return h('form', { id: 'upload-' + tableName, onsubmit: async e => {
      e.preventDefault();
      result.replaceChildren(h('p', { role: 'status' }, 'Uploading and checking…'));
      const form = new FormData();
      if (file.files[0]) form.append('file', file.files[0], file.files[0].name);
      form.append('comment', comment.value);
      try {
        const receipt = await api('/api/v1/rule-sets/' + encodeURIComponent(tableName) + '/versions', { method: 'POST', body: form });
        location.hash = `#/rule-sets/${encodeURIComponent(tableName)}/versions/${receipt.version}`;
      } catch (error) {
        result.replaceChildren();
        if (error.status === 401) return;
        result.append(workbookProblems(error));
      }
    } },
    h('h3', {}, 'Upload a new version'),
    field('file-' + tableName, 'Workbook (.xlsx)', file),
    field('comment-' + tableName, 'What changed, and why', comment),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Upload and check')),
    result);
}

/** A refused workbook: every problem in a table by sheet and cell, as the service located it. */
function workbookProblems(error) {
  const p = error.problem || {};
  const errors = p.errors || [];
  if (!errors.length || !errors.some(x => 'sheet' in x)) return errorBox(error);
  return h('div', { class: 'error', role: 'alert' },
    h('p', {}, h('strong', {}, 'Not stored. '), p.detail || ''),
    table('Problems in the workbook', [
      { title: 'Sheet', cell: x => x.sheet || 'whole file' },
      { title: 'Cell', cell: x => x.cell || '' },
      { title: 'Row', num: true, cell: x => x.row || '' },
      { title: 'Rule', cell: x => x.ruleId || '' },
      { title: 'Problem', cell: x => x.message }], errors));
}

function rollbackForm(tableName, versions) {
  const earlier = versions.filter(v => v.state === 'RETIRED');
  if (!earlier.length) return null;
  const select = h('select', { name: 'version' }, earlier.map(v => h('option', { value: v.version }, 'Version ' + v.version)));
  const reason = h('input', { type: 'text', name: 'reason', required: true });
  const result = h('div', { 'aria-live': 'polite' });
  return h('form', { id: 'rollback-' + tableName, onsubmit: async e => {
      e.preventDefault();
      try {
        await api('/api/v1/rule-sets/' + encodeURIComponent(tableName) + '/rollback', { method: 'POST',
          body: { version: Number(select.value), reason: reason.value.trim() } });
        await ruleSetsPage();
      } catch (error) {
        if (error.status !== 401) result.replaceChildren(errorBox(error));
      }
    } },
    h('h3', {}, 'Roll back'),
    field('rollback-version-' + tableName, 'Put back in force', select),
    field('rollback-reason-' + tableName, 'Reason', reason),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'danger' }, 'Roll back')),
    result);
}

/** One version: its particulars, validation, the shadow run against the rules in force, approval and activation. */
export async function versionPage(tableName, version) {
  loading(`${tableName} version ${version}`);
  const base = `/api/v1/rule-sets/${encodeURIComponent(tableName)}/versions/${version}`;
  const v = await api(base);
  let validation = null;
  try {
    validation = await api(base + '/validation');
  } catch (e) {
    if (e.status === 401) throw e;
  }
  const shadowResult = h('div', { id: 'shadow-result', 'aria-live': 'polite' });
  const asOf = h('input', { type: 'date', name: 'asOf' });
  const households = h('input', { type: 'text', name: 'households', placeholder: 'all households' });
  const shadowForm = h('form', { class: 'card', id: 'shadow-form', onsubmit: async e => {
      e.preventDefault();
      shadowResult.replaceChildren(h('p', { role: 'status' }, 'Running the book under both rule sets…'));
      const body = {};
      if (asOf.value) body.asOf = asOf.value;
      if (households.value.trim()) body.households = households.value.split(/[\s,]+/).filter(Boolean);
      try {
        shadowResult.replaceChildren(shadowReport(await api(base + '/shadow', { method: 'POST', body })));
      } catch (error) {
        shadowResult.replaceChildren();
        if (error.status !== 401) shadowResult.append(errorBox(error));
      }
    } },
    h('h2', { style: 'margin-top:0' }, 'Shadow run against the rules in force'),
    h('p', {}, 'Evaluates the book under this version and under the version in force, and lists the households whose outcome would change. Nothing is traded.'),
    field('shadow-as-of', 'Book as of (empty: today)', asOf),
    field('shadow-households', 'Households (ids separated by commas; empty: all)', households),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'shadow-submit' }, 'Run in shadow')),
    shadowResult);
  show(
    h('h1', {}, `${tableName} version ${v.version}`),
    h('p', { class: 'lead', id: 'version-state' }, stateBadge(v.state), ' ', STATES[v.state] || ''),
    h('dl', { class: 'kv card' },
      h('dt', {}, 'Workbook'), h('dd', {}, h('a', { href: '#', onclick: e => { e.preventDefault(); download(base + '/workbook', v.fileName); } }, v.fileName)),
      h('dt', {}, 'Uploaded by'), h('dd', {}, `${v.uploadedBy}, ${when(v.uploadedAt)}`),
      h('dt', {}, 'Comment'), h('dd', {}, v.comment),
      h('dt', {}, 'Rules'), h('dd', {}, String(v.ruleCount)),
      h('dt', {}, 'SHA-256'), h('dd', { style: 'word-break:break-all' }, v.sha256)),
    lifecycleForms(tableName, v, base),
    v.state === 'DRAFT' || v.state === 'APPROVED' ? shadowForm : null,
    validation ? validationSection(validation) : null,
    h('h2', {}, 'History'),
    table('Events', [
      { title: 'Event', cell: e => e.type.toLowerCase().replace('_', ' ') },
      { title: 'By', cell: e => e.actor }, { title: 'When', cell: e => when(e.occurredAt) },
      { title: 'Reason', cell: e => e.reason }, { title: 'Audit entry', num: true, cell: e => e.auditSeq }], v.events, 'No approval or activation yet.'),
    h('h2', {}, 'Changes against the version in force'),
    h('button', { type: 'button', class: 'secondary', onclick: async e => {
        const pre = h('pre', { class: 'diff' }, await api(base + '/diff?against=active', { text: true }));
        e.target.replaceWith(pre);
      } }, 'Show the cell-by-cell difference'),
    h('p', {}, h('a', { href: '#/rule-sets' }, 'Back to rule sets')));
}

function lifecycleForms(tableName, v, base) {
  const step = v.state === 'DRAFT' ? { path: '/approval', title: 'Approve (second officer)', id: 'approve', verb: 'Approve',
      help: 'You may approve only a version someone else uploaded.' }
    : v.state === 'APPROVED' ? { path: '/activation', title: 'Activate', id: 'activate', verb: 'Activate',
      help: 'Puts this version in force for every new decision.' } : null;
  if (!step) return null;
  const reason = h('input', { type: 'text', name: 'reason', required: true });
  const result = h('div', { 'aria-live': 'polite' });
  return h('form', { class: 'card', id: step.id + '-form', onsubmit: async e => {
      e.preventDefault();
      try {
        await api(base + step.path, { method: 'POST', body: { reason: reason.value.trim() } });
        await versionPage(tableName, v.version);
      } catch (error) {
        if (error.status !== 401) result.replaceChildren(errorBox(error));
      }
    } },
    h('h2', { style: 'margin-top:0' }, step.title), h('p', {}, step.help),
    field(step.id + '-reason', 'Reason (kept in the audit trail)', reason),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: step.id + '-submit' }, step.verb)),
    result);
}

function validationSection(r) {
  return h('section', { class: 'card', id: 'validation' },
    h('h2', { style: 'margin-top:0' }, 'What the checks found'),
    h('p', {}, `${r.scenarios.run} scenarios run: ${r.scenarios.passedInForce} pass with the rules in force, `
      + `${r.scenarios.passedWithThisVersion} with this version.`),
    r.warnings.length ? h('details', {}, h('summary', {}, `${r.warnings.length} warnings: show them`),
      h('ul', {}, r.warnings.map(w => h('li', {}, w.message)))) : h('p', {}, 'No warnings.'),
    r.scenarios.changes.length ? h('details', {}, h('summary', {}, `${r.scenarios.changes.length} scenarios change outcome: show them`),
      table('Scenarios that change', [
      { title: 'Scenario', cell: c => `${c.file}: ${c.scenario}` },
      { title: 'In force', cell: c => c.inForce }, { title: 'This version', cell: c => c.thisVersion },
      { title: 'Differences', cell: c => c.differences.join('; ') }], r.scenarios.changes)) : null);
}

/** "TRIGGERS:1:<sha>;TAX_POLICY:1:<sha>;..." -> "triggers v1, tax-policy v1, ..." */
function inForceWords(recorded) {
  return String(recorded).split(';').filter(Boolean).map(x => x.split(':')).map(([kind, version]) =>
    `${kind.toLowerCase().replace('_', '-')} v${version}`).join(', ');
}

function shadowReport(r) {
  const t = r.totals;
  const trade = x => `${x.side} ${quantity(x.quantity)} ${x.symbol} in ${x.accountId} (${money(x.notional)})`;
  return h('div', { class: 'shadow-report' },
    h('p', { id: 'shadow-summary' }, `${t.householdsEvaluated} households evaluated as of ${r.asOf} against the rules in force `
      + `(${inForceWords(r.inForce)}): `
      + `${t.householdsChanged} would change, ${t.householdsUnchanged} would not. `
      + `Triggers gained ${t.triggersGained}, lost ${t.triggersLost}; trades added ${t.tradesAdded}, removed ${t.tradesRemoved}, `
      + `changed ${t.tradesChanged}; verdicts changed ${t.verdictsChanged}.`),
    table('Verdicts', [
      { title: 'Verdict', cell: x => verdictBadge(x[0]) },
      { title: 'In force', num: true, cell: x => t.verdictsInForce[x[0]] || 0 },
      { title: 'This version', num: true, cell: x => t.verdictsCandidate[x[0]] || 0 }],
      ['PASS', 'WARN', 'REQUIRE_APPROVAL', 'BLOCK'].map(v => [v])),
    r.changes.length ? h('h3', {}, 'Households that would change') : null,
    r.changes.map(c => h('section', { class: 'card' }, h('h4', { style: 'margin-top:0' }, `${c.householdId} (advisor ${c.advisorId})`),
      h('ul', {},
        c.decision ? h('li', {}, `Decision: ${c.decision.before || 'none'} → ${c.decision.after || 'none'}`) : null,
        c.triggersGained.map(x => h('li', {}, `New trigger ${x.ruleId}: ${x.message}`)),
        c.triggersLost.map(x => h('li', {}, `No longer triggers ${x.ruleId}: ${x.message}`)),
        c.tradesAdded.map(x => h('li', {}, 'New trade: ' + trade(x) + ', ' + x.verdict)),
        c.tradesRemoved.map(x => h('li', {}, 'Trade dropped: ' + trade(x))),
        c.tradesChanged.map(x => h('li', {}, `${x.side} ${x.symbol} in ${x.accountId}: ${quantity(x.quantityBefore)} → ${quantity(x.quantityAfter)}`)),
        c.verdictsChanged.map(x => h('li', {}, `${x.side} ${quantity(x.quantity)} ${x.symbol} in ${x.accountId}: ${x.verdictBefore} → ${x.verdictAfter}`
          + (x.ruleIdsAfter.length ? ' (' + x.ruleIdsAfter.join(', ') + ')' : ''))),
        c.error ? h('li', {}, `Could not be evaluated: ${c.error.after || c.error.before}`) : null))));
}

async function download(path, fileName) {
  const token = sessionStorage.getItem('trimtab.token');
  const response = await fetch(path, { headers: token ? { Authorization: 'Bearer ' + token } : {} });
  const blob = await response.blob();
  const a = h('a', { href: URL.createObjectURL(blob), download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
}
