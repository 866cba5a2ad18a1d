// Login for the screen and the form, like any other client: POST /login, then the token goes in
// the Authorization header of every request. The screen's EventSource cannot send a header, so
// the token is also kept in a SameSite=Strict cookie, which the server accepts for GET requests only.
const Session = (() => {
  const KEY = 'pulse.token';
  const COOKIE = 'pulse_token';

  const token = () => sessionStorage.getItem(KEY);

  function claims() {
    const value = token();
    if (!value) return null;
    try {
      const part = value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))));
    } catch (e) {
      return null;
    }
  }

  function keep(value) {
    if (value) {
      sessionStorage.setItem(KEY, value);
      document.cookie = `${COOKIE}=${value}; path=/; SameSite=Strict`;
    } else {
      sessionStorage.removeItem(KEY);
      document.cookie = `${COOKIE}=; path=/; SameSite=Strict; max-age=0`;
    }
    showUser();
  }

  function showUser() {
    const el = document.getElementById('user');
    if (!el) return;
    const who = claims();
    el.hidden = !who;
    el.querySelector('.name').textContent = who ? `${who.sub}${who.unitId ? `（${who.unitId}）` : ''}` : '';
  }

  function dialog() {
    let el = document.getElementById('login');
    if (el) return el;
    el = document.createElement('dialog');
    el.id = 'login';
    el.innerHTML = `<form method="dialog" novalidate>
        <h2 data-i18n="login">登录</h2>
        <label for="login-username" data-i18n="username">用户名</label>
        <input id="login-username" name="username" autocomplete="username" required>
        <label for="login-password" data-i18n="password">密码</label>
        <input id="login-password" name="password" type="password" autocomplete="current-password" required>
        <p class="error" id="login-error" aria-live="polite"></p>
        <button type="submit" data-i18n="login">登录</button>
      </form>`;
    document.body.appendChild(el);
    el.addEventListener('cancel', (e) => e.preventDefault()); // nothing to see without a login
    if (typeof applyI18n === 'function') applyI18n();
    return el;
  }

  /** Shows the login dialog until a login succeeds; resolves with the token. */
  function login() {
    const el = dialog();
    return new Promise((resolve) => {
      const form = el.querySelector('form');
      form.onsubmit = async (e) => {
        e.preventDefault();
        const response = await fetch('/login', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ username: form.username.value, password: form.password.value }),
        });
        if (!response.ok) {
          document.getElementById('login-error').textContent = t('loginFailed');
          return;
        }
        const answer = await response.json();
        keep(answer.access_token);
        form.password.value = '';
        document.getElementById('login-error').textContent = '';
        el.close();
        resolve(answer.access_token);
      };
      if (!el.open) el.showModal();
    });
  }

  /** The page's language for the server's messages (the browser's own Accept-Language may differ). */
  const language = () => (typeof lang !== 'undefined' && lang === 'en' ? 'en' : 'zh-CN');

  /** fetch with the token; on 401 (no login, or it expired) it asks for a login and tries once more. */
  async function authFetch(url, options = {}) {
    const send = () => fetch(url, {
      ...options,
      headers: { 'Accept-Language': language(), ...(options.headers || {}),
        ...(token() ? { Authorization: `Bearer ${token()}` } : {}) },
    });
    const response = await send();
    if (response.status !== 401) return response;
    keep(null);
    await login();
    return send();
  }

  function logout() {
    keep(null);
    location.reload();
  }

  document.addEventListener('DOMContentLoaded', () => {
    showUser();
    const button = document.querySelector('#user button');
    if (button) button.addEventListener('click', logout);
  });

  return { token, claims, login, authFetch, logout, keep, language };
})();
