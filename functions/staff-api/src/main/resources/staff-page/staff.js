// Vägen staff page: sign-in (Cognito hosted UI with PKCE, or the local stack's sign-in) and the weekly lists.
// The ID token lives in sessionStorage only; every API call sends it as a Bearer token.
'use strict';

(function () {
  const TOKEN = 'vagen.staffToken';
  const VERIFIER = 'vagen.pkceVerifier';
  const STATE = 'vagen.pkceState';
  const meta = (name) => (document.querySelector('meta[name="' + name + '"]') || {}).content || '';
  const cognitoDomain = meta('vagen-cognito-domain');
  const clientId = meta('vagen-client-id');
  const localSignIn = meta('vagen-local-sign-in') === 'true';
  const redirectUri = window.location.origin + '/staff';
  const $ = (id) => document.getElementById(id);

  function say(text) { $('status').textContent = text; }

  function base64url(bytes) {
    let s = '';
    bytes.forEach((b) => { s += String.fromCharCode(b); });
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function randomString() {
    const bytes = new Uint8Array(32);
    crypto.getRandomValues(bytes);
    return base64url(bytes);
  }

  async function signIn() {
    if (localSignIn) {
      window.location.assign('/staff-assets/sign-in');
      return;
    }
    if (!cognitoDomain || !clientId) {
      say('Inloggningen är inte konfigurerad.');
      return;
    }
    const verifier = randomString();
    const state = randomString();
    sessionStorage.setItem(VERIFIER, verifier);
    sessionStorage.setItem(STATE, state);
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    const params = new URLSearchParams({
      response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope: 'openid email profile',
      code_challenge_method: 'S256', code_challenge: base64url(new Uint8Array(digest)), state: state
    });
    window.location.assign(cognitoDomain + '/oauth2/authorize?' + params.toString());
  }

  async function finishSignIn() {
    const query = new URLSearchParams(window.location.search);
    const code = query.get('code');
    if (!code) { return; }
    const verifier = sessionStorage.getItem(VERIFIER);
    const state = sessionStorage.getItem(STATE);
    sessionStorage.removeItem(VERIFIER);
    sessionStorage.removeItem(STATE);
    window.history.replaceState(null, '', '/staff');
    if (!verifier || query.get('state') !== state) {
      say('Inloggningen kunde inte slutföras. Försök igen.');
      return;
    }
    const response = await fetch(cognitoDomain + '/oauth2/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', client_id: clientId, code: code, redirect_uri: redirectUri,
        code_verifier: verifier
      })
    });
    if (!response.ok) {
      say('Inloggningen kunde inte slutföras. Försök igen.');
      return;
    }
    const tokens = await response.json();
    // The access token: it carries the scopes (vagen/staff, vagen/admin) the HTTP API checks per route.
    sessionStorage.setItem(TOKEN, tokens.access_token);
  }

  function signOut() {
    sessionStorage.removeItem(TOKEN);
    if (!localSignIn && cognitoDomain && clientId) {
      const params = new URLSearchParams({ client_id: clientId, logout_uri: redirectUri });
      window.location.assign(cognitoDomain + '/logout?' + params.toString());
      return;
    }
    window.location.reload();
  }

  async function api(method, path) {
    const response = await fetch(path, {
      method: method,
      headers: { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN), Accept: 'application/json' }
    });
    if (response.status === 401) {
      sessionStorage.removeItem(TOKEN);
      showSignIn('Din inloggning har gått ut. Logga in igen.');
      throw new Error('unauthorized');
    }
    if (response.status === 403) {
      say('Ditt konto har inte behörighet till personalsidorna.');
      throw new Error('forbidden');
    }
    if (!response.ok) {
      say('Något gick fel (' + response.status + '). Försök igen.');
      throw new Error('status ' + response.status);
    }
    return response.json();
  }

  function isoWeek(date) {
    const d = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
    const day = d.getUTCDay() || 7;
    d.setUTCDate(d.getUTCDate() + 4 - day);
    const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
    const week = Math.ceil(((d - yearStart) / 86400000 + 1) / 7);
    return d.getUTCFullYear() + '-W' + String(week).padStart(2, '0');
  }

  function cell(row, text, number) {
    const td = document.createElement('td');
    td.textContent = text;
    if (number) { td.className = 'number'; }
    row.appendChild(td);
    return td;
  }

  function button(label, accessibleName, onClick, secondary) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.setAttribute('aria-label', accessibleName);
    if (secondary) { b.className = 'secondary'; }
    b.addEventListener('click', onClick);
    return b;
  }

  async function download(week, kind) {
    say('Hämtar länken för vecka ' + week + '…');
    try {
      const list = await api('GET', '/staff/forum-lists/' + encodeURIComponent(week));
      say('Laddar ner listan för vecka ' + week + '.');
      window.location.assign(kind === 'csv' ? list.csvUrl : list.xlsxUrl);
    } catch (e) { /* already said */ }
  }

  async function loadWeeks() {
    const data = await api('GET', '/staff/forum-lists');
    const body = $('weeks');
    body.textContent = '';
    $('empty').hidden = data.items.length > 0;
    data.items.forEach((item) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = item.week;
      tr.appendChild(th);
      cell(tr, new Date(item.generatedAt).toLocaleString('sv-SE') + ' (' +
        (item.generatedBy === 'schedule' ? 'schemalagd' : item.generatedBy) + ')');
      ['AT_RISK', 'ENDING', 'NEW', 'PAUSED', 'ON_TRACK'].forEach((s) => cell(tr, String(item.counts[s] || 0), true));
      const actions = cell(tr, '');
      actions.appendChild(button('Excel', 'Ladda ner Excel-filen för vecka ' + item.week, () => download(item.week, 'xlsx')));
      actions.appendChild(button('CSV', 'Ladda ner CSV-filen för vecka ' + item.week, () => download(item.week, 'csv'), true));
      body.appendChild(tr);
    });
  }

  async function generate() {
    const week = isoWeek(new Date());
    $('generate').disabled = true;
    say('Skapar listan för vecka ' + week + '. Det kan ta en stund…');
    try {
      const summary = await api('POST', '/staff/forum-lists/' + week + '/generate');
      say('Listan för vecka ' + week + ' är klar: ' + summary.total + ' personer.');
      await loadWeeks();
    } catch (e) { /* already said */ } finally {
      $('generate').disabled = false;
    }
  }

  function showSignIn(message) {
    $('lists').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in').hidden = false;
    if (message) { say(message); }
  }

  async function start() {
    $('sign-in-button').addEventListener('click', signIn);
    $('sign-out').addEventListener('click', signOut);
    $('generate').addEventListener('click', generate);
    $('this-week').textContent = isoWeek(new Date());
    try { await finishSignIn(); } catch (e) { say('Inloggningen kunde inte slutföras. Försök igen.'); }
    if (!sessionStorage.getItem(TOKEN)) {
      showSignIn();
      return;
    }
    $('sign-in').hidden = true;
    $('lists').hidden = false;
    $('sign-out').hidden = false;
    try { await loadWeeks(); } catch (e) { /* already said */ }
  }

  document.addEventListener('DOMContentLoaded', start);
}());
