'use strict';
// The /dev page: no inline script (strict CSP), text inserted with textContent only.
(function () {
  const $ = (id) => document.getElementById(id);
  const phoneLog = [];

  async function call(method, path, body) {
    const options = { method, headers: {} };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(path, options);
    let data = null;
    const text = await response.text();
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = { message: text }; }
    return { ok: response.ok, status: response.status, data };
  }

  function say(element, text, kind) {
    element.textContent = text;
    element.className = kind || '';
  }

  function problem(result) {
    if (result.status === 501) { return 'Funktionen är inte byggd än (501).'; }
    return 'Fel ' + result.status + ': ' + ((result.data && result.data.message) || 'okänt fel');
  }

  function formatTime(iso) {
    try {
      return new Date(iso).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' });
    } catch (e) { return iso; }
  }

  async function refreshOutbox() {
    const status = $('outbox-status');
    const result = await call('GET', '/dev/outbox');
    if (!result.ok) { say(status, problem(result), 'error'); return; }
    const rows = $('outbox-rows');
    rows.replaceChildren();
    for (const m of result.data) {
      const tr = document.createElement('tr');
      const cells = [formatTime(m.sentAt), m.channel === 'sms' ? 'Sms' : 'E-post', m.to, m.subject || '', m.body || ''];
      cells.forEach((value, i) => {
        const td = document.createElement('td');
        td.textContent = value;
        if (i === 4) { td.className = 'text'; }
        tr.appendChild(td);
      });
      rows.appendChild(tr);
    }
    say(status, result.data.length + ' meddelanden i utkorgen.');
    renderConversation(result.data);
  }

  function renderConversation(outbox) {
    const number = $('phone-from').value.trim();
    const list = $('phone-conversation');
    list.replaceChildren();
    const items = phoneLog.filter((p) => p.from === number).map((p) => ({ at: p.at, dir: 'in', text: p.text }));
    for (const m of outbox) {
      if (m.channel === 'sms' && m.to === number) { items.push({ at: m.sentAt, dir: 'out', text: m.body }); }
    }
    items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    for (const item of items) {
      const li = document.createElement('li');
      li.className = item.dir;
      const who = document.createElement('span');
      who.className = 'visually-hidden';
      who.textContent = item.dir === 'in' ? 'Aspiranten: ' : 'Vägen: ';
      const bubble = document.createElement('span');
      bubble.className = 'bubble';
      bubble.textContent = item.text;
      li.append(who, bubble);
      list.appendChild(li);
    }
  }

  function isoNowStockholm() {
    const now = new Date();
    const parts = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'
    }).formatToParts(now).reduce((acc, p) => { acc[p.type] = p.value; return acc; }, {});
    const local = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
    const offsetMinutes = Math.round((local - now.getTime()) / 60000);
    const sign = offsetMinutes >= 0 ? '+' : '-';
    const abs = Math.abs(offsetMinutes);
    const pad = (n) => String(n).padStart(2, '0');
    return parts.year + '-' + parts.month + '-' + parts.day + 'T' + parts.hour + ':' + parts.minute + ':' + parts.second
      + sign + pad(Math.floor(abs / 60)) + ':' + pad(abs % 60);
  }

  document.addEventListener('DOMContentLoaded', () => {
    let timer = null;
    $('outbox-refresh').addEventListener('click', refreshOutbox);
    $('outbox-auto').addEventListener('change', (event) => {
      if (timer) { clearInterval(timer); timer = null; }
      if (event.target.checked) { timer = setInterval(refreshOutbox, 5000); }
    });
    $('phone-from').addEventListener('change', refreshOutbox);
    $('job-at').value = isoNowStockholm();

    $('phone-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const answer = $('phone-answer');
      const from = $('phone-from').value.trim();
      const text = $('phone-text').value;
      if (!text.trim()) { say(answer, 'Skriv ett meddelande först.', 'error'); $('phone-text').focus(); return; }
      say(answer, 'Skickar …');
      phoneLog.push({ from, text, at: new Date().toISOString() });
      const result = await call('POST', '/dev/sms/inbound', { from, text });
      if (!result.ok) { say(answer, problem(result), 'error'); return; }
      say(answer, result.data.reply ? 'Svar: ' + result.data.reply : 'Inget svar skickades.', 'ok');
      $('phone-text').value = '';
      refreshOutbox();
    });

    $('mail-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const answer = $('mail-answer');
      const body = { from: $('mail-from').value.trim(), subject: $('mail-subject').value, text: $('mail-text').value };
      if (!body.text.trim()) { say(answer, 'Skriv en text först.', 'error'); $('mail-text').focus(); return; }
      say(answer, 'Skickar …');
      const result = await call('POST', '/dev/email/inbound', body);
      if (!result.ok) { say(answer, problem(result), 'error'); return; }
      say(answer, result.data.reply ? 'Svar: ' + result.data.reply : 'Inget svar skickades.', 'ok');
      refreshOutbox();
    });

    $('job-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const status = $('job-status');
      const job = $('job-name').value;
      const body = {};
      const at = $('job-at').value.trim();
      if (at) { body.at = at; }
      if ($('job-action').value) { body.action = $('job-action').value; }
      say(status, 'Kör ' + job + ' …');
      $('job-result').textContent = '';
      const result = await call('POST', '/dev/jobs/' + encodeURIComponent(job) + '/run', body);
      if (!result.ok) { say(status, problem(result), 'error'); return; }
      say(status, 'Klart.', 'ok');
      $('job-result').textContent = JSON.stringify(result.data, null, 2);
      refreshOutbox();
    });

    $('token-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const status = $('token-status');
      const groups = Array.from(document.querySelectorAll('#token-form input[name="groups"]:checked')).map((i) => i.value);
      const result = await call('POST', '/dev/token', { user: $('token-user').value.trim(), groups });
      if (!result.ok) { say(status, problem(result), 'error'); return; }
      say(status, 'Token skapad.', 'ok');
      $('token-result').value = result.data.token;
    });

    $('fault-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const status = $('fault-status');
      const count = parseInt($('fault-count').value, 10);
      const result = await call('POST', '/dev/faults', { channel: $('fault-channel').value, kind: $('fault-kind').value, count });
      if (!result.ok) { say(status, problem(result), 'error'); return; }
      say(status, 'De närmaste ' + result.data.count + ' utskicken (' + result.data.channel + ') misslyckas.', 'ok');
    });
    $('fault-clear').addEventListener('click', async () => {
      const result = await call('DELETE', '/dev/faults');
      say($('fault-status'), result.ok ? 'Alla fel borttagna.' : problem(result), result.ok ? 'ok' : 'error');
    });

    refreshOutbox();
  });
}());
