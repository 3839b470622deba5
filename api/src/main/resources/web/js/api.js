// Talks to the service's JSON API with the bearer token from the login; a 401 sends the user back to the login page.
const TOKEN = 'trimtab.token';
const USER = 'trimtab.user';

/** A refused request, with the problem details the service answered (title, detail, errors...). */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('The service answered ' + status));
    this.status = status;
    this.problem = problem || {};
  }
}

/** The signed-in user: {username, roles, advisorId}, or null. */
export function currentUser() {
  try {
    return JSON.parse(sessionStorage.getItem(USER) || 'null');
  } catch (e) {
    return null;
  }
}

export function hasRole(...roles) {
  const user = currentUser();
  return !!user && user.roles.some(r => roles.includes(r));
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(USER);
}

export async function signIn(username, password) {
  const response = await fetch('/api/v1/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
    body: JSON.stringify({ username, password })
  });
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  const login = await response.json();
  sessionStorage.setItem(TOKEN, login.access_token);
  const me = await api('/api/v1/me');
  sessionStorage.setItem(USER, JSON.stringify({ username: me.username, roles: me.roles || [], advisorId: me.advisorId || null }));
  return currentUser();
}

/**
 * A request to the API. body: an object (sent as JSON), a FormData (sent as a form), or undefined.
 * Answers the parsed JSON, the text (text: true), or null for an empty answer.
 */
export async function api(path, { method = 'GET', body, text = false } = {}) {
  const headers = { 'Accept': text ? 'text/plain, application/problem+json' : 'application/json, application/problem+json' };
  const token = sessionStorage.getItem(TOKEN);
  if (token) {
    headers['Authorization'] = 'Bearer ' + token;
  }
  let payload;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, { method, headers, body: payload });
  if (response.status === 401) {
    signOut();
    const here = location.hash || '#/';
    if (!here.startsWith('#/login')) {
      location.hash = '#/login?next=' + encodeURIComponent(here);
    }
    throw new ApiError(401, { title: 'Please sign in', detail: 'Your session has ended; please sign in again.' });
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  const content = await response.text();
  if (text) {
    return content;
  }
  return content ? JSON.parse(content) : null;
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch (e) {
    return { title: response.statusText || ('status ' + response.status) };
  }
}
