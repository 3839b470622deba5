import { signIn } from '../api.js';
import { h, show, errorBox, field } from '../ui.js';

export async function loginPage(params, { home }) {
  const username = h('input', { type: 'text', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const message = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'card', id: 'login-form', onsubmit: async event => {
      event.preventDefault();
      message.replaceChildren();
      try {
        await signIn(username.value.trim(), password.value);
        const next = params.get('next');
        location.hash = next && next.startsWith('#/') && !next.startsWith('#/login') ? next : home();
      } catch (error) {
        message.append(errorBox(error.status === 401
          ? { problem: { title: 'Not signed in', detail: 'The user name or password is not right, or the account is locked for now.' } }
          : error));
        password.value = '';
        password.focus();
      }
    } },
    field('login-username', 'User name', username),
    field('login-password', 'Password', password),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'login-submit' }, 'Sign in')),
    message);
  show(h('h1', {}, 'Sign in to Trimtab'),
    h('p', { class: 'lead' }, 'Advisors see their households, proposed trades and why each was decided. '
      + 'Compliance officers manage the rule workbooks and read the audit trail.'),
    form);
  username.focus();
}
