// Local stack only: asks /dev/token for a staff token and goes back to the staff page.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const user = document.getElementById('user').value.trim();
    const response = await fetch('/dev/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: user, groups: ['staff'] })
    });
    if (!response.ok) {
      document.getElementById('status').textContent = 'Det gick inte att logga in (' + response.status + ').';
      return;
    }
    const data = await response.json();
    sessionStorage.setItem('vagen.staffToken', data.token);
    window.location.assign('/staff');
  });
});
