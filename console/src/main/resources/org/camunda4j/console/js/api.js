// The only way the console talks to the engine: the public REST API v2, relative to the page,
// so the console works against any engine that serves it.

const BASE = new URL('../v2', document.baseURI).href;
const TOKEN_ENDPOINT = new URL('../oauth/token', document.baseURI).href;

// An engine with bearer authentication (--auth oidc): the token of the sign-in, kept for this tab
// only (session storage) and sent on every call. Under Basic the browser's own prompt does the work.
const TOKEN_KEY = 'camunda4j.console.token';

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** A pasted token, or one from the engine's token endpoint for a client id and secret. */
export async function signIn({ clientId, clientSecret, pastedToken }) {
  if (pastedToken) {
    sessionStorage.setItem(TOKEN_KEY, pastedToken.trim().replace(/^Bearer\s+/i, ''));
    return;
  }
  const response = await fetch(TOKEN_ENDPOINT, {
    method: 'POST',
    credentials: 'omit', // the client's id and secret are the credentials; nothing of the browser's
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  if (!response.ok) throw await problemOf(response);
  sessionStorage.setItem(TOKEN_KEY, (await response.json()).access_token);
}

/** The engine wants a bearer token this tab does not have (or no longer a valid one). */
export class SignInNeeded extends Error {
  constructor(problem) {
    super(problem.detail ?? 'Sign in to read the engine.');
    this.problem = problem;
  }
}

/** A failed call, carrying the engine's RFC 9457 problem detail. */
export class Problem extends Error {
  constructor(status, problem) {
    super(`${status} ${problem.title ?? ''}: ${problem.detail ?? ''}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function call(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: {} };
  if (token()) init.headers.Authorization = `Bearer ${token()}`;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(BASE + path, init);
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401 && /^Bearer/i.test(response.headers.get('WWW-Authenticate') ?? '')) {
      signOut();
      throw new SignInNeeded(problem.problem);
    }
    throw problem;
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') ?? '';
  return type.includes('json') ? response.json() : response.text();
}

async function problemOf(response) {
  const text = await response.text();
  let problem;
  try {
    problem = JSON.parse(text);
  } catch {
    problem = { title: response.statusText, detail: text };
  }
  return new Problem(response.status, problem);
}

/** One page of a search: {items, page: {totalItems}}. */
export function search(resource, filter = {}, page = { from: 0, limit: 50 }, sort) {
  const body = { filter, page };
  if (sort) body.sort = sort;
  return call('POST', `/${resource}/search`, body);
}

/** Every match of a search, a thousand at a time, at most ten thousand. */
export async function searchAll(resource, filter = {}) {
  const items = [];
  for (let from = 0; from < 10_000; from += 1000) {
    const result = await search(resource, filter, { from, limit: 1000 });
    items.push(...result.items);
    if (items.length >= result.page.totalItems || result.items.length === 0) break;
  }
  return items;
}

/**
 * A search the engine may not serve: every match, or null when it answers 404 or 405 to the first
 * ask (an engine without element instances or without DMN; the console then does without).
 */
function optionalSearch(resource) {
  let served; // undefined until asked once
  return async filter => {
    if (served === false) return null;
    try {
      const items = await searchAll(resource, filter);
      served = true;
      return items;
    } catch (e) {
      if (e instanceof Problem && (e.status === 404 || e.status === 405) && served === undefined) {
        served = false;
        return null;
      }
      throw e;
    }
  };
}

/** Element instances of a search, or null (the console then derives what it can from jobs and tasks). */
export const elementInstances = optionalSearch('element-instances');

/** Decision instances of a search, or null when the engine does not execute DMN. */
export const decisionInstances = optionalSearch('decision-instances');

let definitions; // processDefinitionKey -> definition, filled on first use

/** Every process definition, by key (cached: definitions never change once deployed). */
export async function processDefinitions(refresh = false) {
  if (!definitions || refresh) {
    const items = await searchAll('process-definitions');
    definitions = new Map(items.map(d => [d.processDefinitionKey, d]));
  }
  return definitions;
}

const xmlCache = new Map();

export async function processXml(processDefinitionKey) {
  if (!xmlCache.has(processDefinitionKey)) {
    xmlCache.set(processDefinitionKey, await call('GET', `/process-definitions/${processDefinitionKey}/xml`));
  }
  return xmlCache.get(processDefinitionKey);
}
