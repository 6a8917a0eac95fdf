import { SignInNeeded } from './api.js';

// Live updates by polling: the console reads only the REST API v2, which has no push channel.
// While the page is visible it refreshes every PERIOD ms, one refresh at a time; the header shows
// when it last refreshed and how long that took (also in document.body.dataset.refreshMillis).

const PERIOD = 2000;
let current = null;

/** Stops the previous page's polling and polls refresh() for the new one. */
export function poll(refresh) {
  stop();
  const token = {};
  current = token;
  const indicator = document.getElementById('live');
  const loop = async () => {
    if (current !== token) return;
    if (!document.hidden && !document.getElementById('confirm').open) {
      const started = performance.now();
      try {
        await refresh();
        const millis = Math.round(performance.now() - started);
        document.body.dataset.refreshMillis = String(millis);
        indicator.textContent = `live · ${new Date().toLocaleTimeString()} · ${millis} ms`;
        indicator.classList.remove('stale');
      } catch (e) {
        if (e instanceof SignInNeeded) { // the token expired: the page asks to sign in again
          stop();
          window.dispatchEvent(new CustomEvent('camunda4j:sign-in-needed', { detail: e.message }));
          return;
        }
        indicator.textContent = `live · refresh failed: ${e.message}`;
        indicator.classList.add('stale');
      }
    }
    if (current === token) setTimeout(loop, PERIOD);
  };
  setTimeout(loop, PERIOD);
}

export function stop() {
  current = null;
}
