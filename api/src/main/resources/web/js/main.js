// The router: each #/path shows one page; the navigation offers the pages of the signed-in user's roles.
import { currentUser, hasRole, signOut } from './api.js';
import { h, show, errorBox } from './ui.js';
import { loginPage } from './pages/login.js';
import { householdsPage, householdPage } from './pages/households.js';
import { whyPage } from './pages/why.js';
import { runsPage, runPage } from './pages/runs.js';
import { ruleSetsPage, versionPage } from './pages/rulesets.js';
import { auditPage } from './pages/audit.js';
import { dashboardPage } from './pages/dashboard.js';

// the roles the API lets read each page's data (see the @Secured of the controllers behind them)
const HOUSEHOLDS = ['ADVISOR', 'OPERATIONS', 'COMPLIANCE_OFFICER'];
const WHY = ['ADVISOR', 'COMPLIANCE_OFFICER'];
const COMPLIANCE = ['COMPLIANCE_OFFICER'];
const FIRM = ['COMPLIANCE_OFFICER', 'OPERATIONS'];
const RUNS = ['ADVISOR', 'OPERATIONS', 'COMPLIANCE_OFFICER'];

const routes = [
  { pattern: /^\/login$/, page: loginPage, open: true },
  { pattern: /^\/households$/, page: householdsPage, roles: HOUSEHOLDS },
  { pattern: /^\/runs\/([^/]+)\/households\/([^/]+)$/, page: householdPage, roles: HOUSEHOLDS },
  { pattern: /^\/trades\/([^/]+)$/, page: whyPage, roles: WHY },
  { pattern: /^\/runs$/, page: runsPage, roles: RUNS },
  { pattern: /^\/runs\/([^/]+)$/, page: runPage, roles: RUNS },
  { pattern: /^\/rule-sets$/, page: ruleSetsPage, roles: COMPLIANCE },
  { pattern: /^\/rule-sets\/([^/]+)\/versions\/(\d+)$/, page: versionPage, roles: COMPLIANCE },
  { pattern: /^\/audit$/, page: auditPage, roles: COMPLIANCE },
  { pattern: /^\/dashboard$/, page: dashboardPage, roles: FIRM },
  { pattern: /^\/nothing$/, page: async () => show(h('h1', {}, 'No pages for your role'),
      h('p', {}, 'These pages are for advisors, compliance officers and operations. Administrators manage users through the API '
        + '(/api/v1/users, described in the OpenAPI document at /swagger/).')) }
];

const menu = [
  { href: '#/households', text: 'Households', roles: HOUSEHOLDS },
  { href: '#/runs', text: 'Runs', roles: RUNS },
  { href: '#/rule-sets', text: 'Rule sets', roles: COMPLIANCE },
  { href: '#/audit', text: 'Audit trail', roles: COMPLIANCE },
  { href: '#/dashboard', text: 'Firm dashboard', roles: FIRM }
];

function home() {
  if (hasRole('ADVISOR')) return '#/households';
  if (hasRole('COMPLIANCE_OFFICER')) return '#/rule-sets';
  if (hasRole('OPERATIONS')) return '#/dashboard';
  return '#/nothing';
}

/** The menu entry a page belongs to: a household of a run and a trade's why belong to Households. */
function section(path) {
  if (path.includes('/households/') || path.startsWith('/trades/')) return '/households';
  return '/' + path.split('/')[1];
}

function renderChrome(path) {
  const user = currentUser();
  const nav = document.getElementById('nav');
  const who = document.getElementById('who');
  nav.replaceChildren();
  who.replaceChildren();
  if (!user) return;
  nav.append(h('ul', {}, menu.filter(m => hasRole(...m.roles)).map(m => h('li', {},
    h('a', { href: m.href, 'aria-current': section(path) === m.href.slice(1) ? 'page' : null }, m.text)))));
  who.append(h('span', {}, 'Signed in as ', h('strong', { id: 'username' }, user.username),
    user.advisorId ? ' (advisor ' + user.advisorId + ')' : ''),
    h('button', { type: 'button', id: 'sign-out', onclick: () => { signOut(); location.hash = '#/login'; } }, 'Sign out'));
}

async function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  if (path === '/' || path === '') {
    location.replace(currentUser() ? home() : '#/login');
    return;
  }
  renderChrome(path);
  const found = routes.find(r => r.pattern.test(path));
  if (!found) {
    show(h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: home() }, 'Go to your start page')));
    return;
  }
  if (!found.open && !currentUser()) {
    location.replace('#/login?next=' + encodeURIComponent('#' + hash));
    return;
  }
  if (found.roles && !hasRole(...found.roles)) {
    show(h('h1', {}, 'Not for your role'), h('p', {}, 'This page is not open to your role. ', h('a', { href: home() }, 'Go to your start page')));
    return;
  }
  const args = path.match(found.pattern).slice(1).map(decodeURIComponent);
  const started = location.hash;
  try {
    await found.page(...args, new URLSearchParams(query || ''), { home });
  } catch (error) {
    if (error && error.status === 401) return;
    show(h('h1', {}, 'Could not show this page'), errorBox(error));
  }
  // the user moved on while this page was loading, and it may have drawn over the newer one: draw the current page
  if (location.hash !== started) {
    route();
  }
}

window.addEventListener('hashchange', route);
route();
