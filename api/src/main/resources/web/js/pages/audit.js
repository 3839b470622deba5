import { api } from '../api.js';
import { h, show, loading, errorBox, table, when, field } from '../ui.js';

const TYPES = ['', 'RULE_SET_UPLOADED', 'RULE_SET_APPROVED', 'RULE_SET_ACTIVATED', 'RULE_SET_ROLLED_BACK', 'RULE_SET_SHADOW_RUN',
  'RUN_STARTED', 'RUN_HOUSEHOLD', 'TRADE_DECISION', 'TRADE_APPROVAL', 'SCREENING_REQUEST', 'ORDER_DECISION', 'BOOK_CHANGE', 'IMPORT'];

function pretty(payload) {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch (e) {
    return payload;
  }
}

/** The audit trail, filtered by type, sequence number, actor and subject, with the hash-chain check. */
export async function auditPage(params) {
  const type = params.get('type') || '';
  const after = params.get('after') || '0';
  const actor = (params.get('actor') || '').trim();
  const subject = (params.get('subject') || '').trim();
  loading('the audit trail');
  const query = new URLSearchParams({ after, limit: '200' });
  if (type) query.set('type', type);
  const page = await api('/api/v1/audit/entries?' + query);
  const fetched = page.length;
  const entries = page.filter(e =>
    (!actor || e.actor.toLowerCase().includes(actor.toLowerCase())) && (!subject || e.subject.toLowerCase().includes(subject.toLowerCase())));
  const typeSelect = h('select', { name: 'type' }, TYPES.map(t => h('option', { value: t, selected: t === type }, t ? t.toLowerCase().replaceAll('_', ' ') : 'every type')));
  const verifyResult = h('div', { id: 'verify-result', 'aria-live': 'polite' });
  const last = entries.length ? entries[entries.length - 1].seq : null;
  show(
    h('h1', {}, 'Audit trail'),
    h('p', { class: 'lead' }, 'Every decision, approval, upload and activation, in order. Each entry carries the hash of the one before, '
      + 'so a changed or missing entry breaks the chain.'),
    h('div', { class: 'card' },
      h('button', { type: 'button', id: 'verify-chain', onclick: async () => {
          verifyResult.replaceChildren(h('p', { role: 'status' }, 'Checking…'));
          try {
            const v = await api('/api/v1/audit/verify');
            verifyResult.replaceChildren(v.intact
              ? h('div', { class: 'notice' }, `The chain is intact: ${v.entriesChecked} entries checked, up to entry ${v.headSeq}.`)
              : h('div', { class: 'error', role: 'alert' }, `The chain is broken at entry ${v.firstBrokenSeq}: ${v.problem}`));
          } catch (error) {
            verifyResult.replaceChildren(errorBox(error));
          }
        } }, 'Check the chain'),
      verifyResult),
    h('form', { class: 'card inline', id: 'audit-filters', onsubmit: e => {
        e.preventDefault();
        const f = new FormData(e.target);
        const q = new URLSearchParams();
        for (const [k, v] of f.entries()) if (String(v).trim() && !(k === 'after' && v === '0')) q.set(k, String(v).trim());
        location.hash = '#/audit' + (q.toString() ? '?' + q : '');
      } },
      field('audit-type', 'Type', typeSelect),
      field('audit-after', 'After entry', h('input', { type: 'number', name: 'after', min: 0, value: after })),
      field('audit-actor', 'By (contains)', h('input', { type: 'text', name: 'actor', value: actor })),
      field('audit-subject', 'Subject (contains)', h('input', { type: 'text', name: 'subject', value: subject })),
      h('button', { type: 'submit' }, 'Filter')),
    h('p', { class: 'muted' }, `${entries.length} entries shown (of the first ${fetched} after entry ${after}).`),
    table('Audit entries', [
      { title: '#', num: true, cell: e => e.seq },
      { title: 'When', cell: e => when(e.recordedAt) },
      { title: 'Type', cell: e => e.entryType.toLowerCase().replaceAll('_', ' ') },
      { title: 'Subject', cell: e => e.subject },
      { title: 'By', cell: e => e.actor },
      { title: 'Hash', cell: e => h('code', { title: e.entryHash }, e.entryHash.slice(0, 12) + '…') },
      { title: 'What was recorded', cell: e => h('details', {}, h('summary', {}, 'show'), h('pre', { class: 'diff' }, pretty(e.payload))) }],
      entries, 'No entries match.'),
    last !== null && fetched === 200 ? h('p', {}, h('a', { href: '#/audit?' + new URLSearchParams({ ...(type ? { type } : {}), after: String(last) }) }, 'Later entries')) : null);
}
