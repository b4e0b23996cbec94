// corparent in a real browser: the sign-in journeys, axe-core on every page at two widths, the security
// headers on every response, screenshots of every page.
//
//   node tests/browser/run.mjs --binary build/corparent --artifacts test-artifacts/browser
//
// Makes a temporary folder with a fresh SQLite database (a small synthetic council, one user for every
// role), serves it on a free 127.0.0.1 port, drives Debian's Chromium through playwright-core (never a
// downloaded browser), stops the server with SIGTERM and removes the folder. Uses only what Node 18 has.
// Options: --chromium PATH (default /usr/bin/chromium, or $CHROMIUM), --children N (default 300),
// --keep (keep the temporary folder, for looking into a failure).
import { after, describe, test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const o = {
    binary: 'build/corparent',
    artifacts: 'test-artifacts/browser',
    chromium: process.env.CHROMIUM || '/usr/bin/chromium',
    children: 300,
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--binary') o.binary = value();
    else if (a === '--artifacts') o.artifacts = value();
    else if (a === '--chromium') o.chromium = value();
    else if (a === '--children') o.children = Number(value());
    else if (a === '--keep') o.keep = true;
    else if (a.startsWith('--test')) continue;   // node's own test options, if passed through
    else throw new Error(`unknown option ${a}`);
  }
  o.binary = path.resolve(o.binary);
  o.artifacts = path.resolve(o.artifacts);
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [
  { name: '1280', width: 1280, height: 800 },
  { name: '390', width: 390, height: 844 },
];
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const PASSWORD = 'correct horse battery staple';
const DOMAIN = 'example.gov.uk';
const USERS = {
  member: { email: `board.member@${DOMAIN}`, role: 'board_member', label: 'Board member' },
  officer: { email: `board.officer@${DOMAIN}`, role: 'board_officer', label: 'Board officer' },
  admin: { email: `admin@${DOMAIN}`, role: 'admin', label: 'Administrator' },
  participation: { email: `participation@${DOMAIN}`, role: 'participation', label: 'Participation officer' },
  analyst: { email: `analyst@${DOMAIN}`, role: 'analyst', label: 'Performance analyst' },
  worker: { email: `worker@${DOMAIN}`, role: 'worker', label: 'Social worker or personal adviser' },
  locked: { email: `locked.out@${DOMAIN}`, role: 'board_member', label: 'Board member' },
};
// Every page the journeys must reach, each checked with axe-core and photographed at both widths.
const EXPECTED_PAGES = [
  'sign-in', 'sign-in-empty', 'sign-in-errors', 'too-many-attempts',
  'two-factor-set-up', 'two-factor-set-up-errors', 'two-factor', 'two-factor-errors',
  'start', 'audit', 'error-403', 'error-404',
  'start-participation', 'start-analyst', 'start-worker', 'start-board_officer',
  'accessibility', 'privacy', 'privacy-young-people', 'measures', 'admin-pages', 'admin-page-edit',
  'data', 'data-upload', 'data-job', 'data-findings', 'children', 'child', 'caseload',
  'admin-users', 'admin-user-add', 'admin-pledge', 'admin-settings', 'measure-as-board-member',
  'education', 'homes', 'account-password',
  'survey-start', 'survey-start-error', 'survey-intro', 'survey-questions', 'survey-about', 'survey-words', 'survey-talk',
  'survey-sent', 'survey-faces', 'voice', 'voice-new-round', 'voice-round', 'voice-results', 'voice-results-by-age', 'voice-comments', 'voice-theme',
  'concerns', 'concern', 'start-participation-alerts',
  'offer', 'offer-catalogue', 'offer-entitlement-edit', 'offer-young-people-all', 'offer-young-people',
  'offer-young-person', 'offer-young-person-errors', 'offer-young-person-recorded', 'offer-as-board-member',
  // The Corporate Parenting Board
  'board-meetings', 'board-meeting-add', 'board-meeting', 'board-members', 'board-you-said', 'board-you-said-item',
  'board-you-said-add', 'board-actions', 'board-action', 'board-action-errors', 'board-action-add', 'you-said-we-did',
  // The Board's papers
  'board-papers', 'board-pack', 'board-pledge-report', 'board-scrutiny-update',
];

// ---------------------------------------------------------------------------------------------------
// TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), as an authenticator app computes it

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  const out = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const i = alphabet.indexOf(ch);
    if (i < 0) throw new Error(`not base32: ${JSON.stringify(text)}`);
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >>> bits) & 0xff);
      value &= (1 << bits) - 1;
    }
  }
  return Buffer.from(out);
}

function hotp(key, counter, digits = 6) {
  const msg = Buffer.alloc(8);
  msg.writeUInt32BE(Math.floor(counter / 2 ** 32), 0);
  msg.writeUInt32BE(counter % 2 ** 32, 4);
  const h = createHmac('sha1', key).update(msg).digest();
  const o = h[h.length - 1] & 0x0f;
  const bin = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(bin % 10 ** digits).padStart(digits, '0');
}

const stepNow = () => Math.floor(Date.now() / 1000 / 30);
const totp = (base32, step = stepNow()) => hotp(base32Decode(base32), step);

// A code the server will refuse: not the code of any step it accepts around now.
function wrongCode(base32) {
  const s = stepNow();
  const accepted = new Set([-2, -1, 0, 1, 2].map((d) => totp(base32, s + d)));
  for (let n = 123456; ; n = (n + 111111) % 1000000) {
    const c = String(n).padStart(6, '0');
    if (!accepted.has(c)) return c;
  }
}

// ---------------------------------------------------------------------------------------------------
// The server and its database

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function run(args, env = {}) {
  const r = spawnSync(opts.binary, args, { cwd: state.tmp, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`corparent ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function get(url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.setTimeout(2000, () => req.destroy(new Error('timeout')));
  });
}

async function startServer() {
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const logFile = path.join(state.tmp, `server-${port}.log`);
    const log = fs.openSync(logFile, 'w');
    const child = spawn(opts.binary, ['serve', '--db', state.db, '--listen', `127.0.0.1:${port}`], {
      cwd: state.tmp, stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    let done = null;
    exited.then((e) => (done = e));
    const deadline = Date.now() + 15000;
    while (Date.now() < deadline && !done) {
      try {
        const r = await get(`http://127.0.0.1:${port}/health`);
        if (r.status === 200 && JSON.parse(r.body).status === 'ok') {
          Object.assign(state, { child, exited, port, logFile, base: `http://127.0.0.1:${port}` });
          return;
        }
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    if (!done) child.kill('SIGKILL');
    const text = fs.readFileSync(logFile, 'utf8');
    if (attempt === 2 || !/cannot listen/.test(text))
      throw new Error(`the server did not answer /health on port ${port}:\n${text}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Pages: what every response and every console message must be, axe-core and screenshots

const state = { ready: false, tmp: null, db: null, child: null, port: 0, base: '', browser: null, contexts: [] };
const axeResults = new Map();   // "page@width" -> violations (array), or an Error if axe could not run
const allProblems = [];         // every header, cookie or console problem seen, for the summary test
let responsesChecked = 0;
let sessionCookiesSeen = 0;     // Set-Cookie headers for corparent_session that were checked

function checkSecurityHeaders(url, status, headers) {
  const problems = [];
  const csp = headers['content-security-policy'];
  if (!csp) problems.push('no Content-Security-Policy');
  else {
    if (/unsafe-inline/.test(csp)) problems.push(`CSP allows 'unsafe-inline': ${csp}`);
    if (/unsafe-eval/.test(csp)) problems.push(`CSP allows 'unsafe-eval': ${csp}`);
    if (!/(^|;)\s*frame-ancestors\s+'none'\s*(;|$)/.test(csp)) problems.push(`CSP lacks frame-ancestors 'none': ${csp}`);
  }
  if ((headers['x-content-type-options'] || '').toLowerCase() !== 'nosniff')
    problems.push(`X-Content-Type-Options is ${JSON.stringify(headers['x-content-type-options'])}, not nosniff`);
  if (!headers['referrer-policy']) problems.push('no Referrer-Policy');
  const cookies = headers['set-cookie'] ? String(headers['set-cookie']).split('\n') : [];
  for (const c of cookies) {
    const name = c.split('=')[0].trim();
    if (name === 'corparent_session') sessionCookiesSeen++;
    if (!/;\s*HttpOnly\s*(;|$)/i.test(c)) problems.push(`cookie ${name} is not HttpOnly: ${c}`);
    if (!/;\s*SameSite=Strict\s*(;|$)/i.test(c)) problems.push(`cookie ${name} is not SameSite=Strict: ${c}`);
  }
  return problems.map((p) => `${status} ${url}: ${p}`);
}

async function newContext() {
  const context = await state.browser.newContext({ viewport: { width: 1280, height: 800 } });
  state.contexts.push(context);
  // Tell us about any CSP violation, whatever Chromium prints for it.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const record = { console: [], pending: [], errorDocuments: new Set(), problems: [] };
  page._record = record;
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      record.console.push({ type: m.type(), text: m.text(), url: m.location().url });
  });
  page.on('pageerror', (e) => record.problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText || '';
    if (!/ERR_ABORTED/.test(why)) record.problems.push(`request failed: ${r.method()} ${r.url()}: ${why}`);
  });
  page.on('response', (res) => {
    if (!res.url().startsWith(state.base)) return;
    const req = res.request();
    if (req.resourceType() === 'document') {
      if (res.status() >= 400) record.errorDocuments.add(res.url());
    } else if (res.status() >= 400) {
      record.problems.push(`${res.status()} for ${req.resourceType()} ${res.url()}`);
    }
    record.pending.push(
      res.allHeaders().then(
        (h) => {
          responsesChecked++;
          record.problems.push(...checkSecurityHeaders(`${req.method()} ${res.url()}`, res.status(), h));
        },
        (e) => record.problems.push(`cannot read the headers of ${res.url()}: ${e.message}`),
      ),
    );
  });
  return { context, page };
}

// Every problem the page's responses and console showed so far; fails the test if there is any.
async function assertClean(page) {
  const r = page._record;
  await Promise.all(r.pending);
  const problems = [...r.problems];
  for (const m of r.console) {
    // Chromium reports a page answered with 4xx as a failed load: expected for the error pages.
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text) && r.errorDocuments.has(m.url))
      continue;
    const csp = /Content Security Policy|CSP violation|Refused to/i.test(m.text);
    problems.push(`console ${m.type}${csp ? ' (CSP)' : ''}: ${m.text}${m.url ? ` [${m.url}]` : ''}`);
  }
  allProblems.push(...problems);
  r.problems = [];
  r.console = [];
  assert.deepEqual(problems, [], `problems seen in the browser:\n  ${problems.join('\n  ')}`);
}

async function settle(page) {
  await page.waitForLoadState('load');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

function describeViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `      ${JSON.stringify(n.target)}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`)
        .join('\n');
      return `    ${v.id} (${v.impact}): ${v.help} [${v.helpUrl}]\n${nodes}`;
    })
    .join('\n');
}

// axe-core and a full-page screenshot at both widths, then back to the desktop width. axe is put in
// with page.evaluate (a DevTools evaluation, which the page's CSP does not govern), so the CSP stays
// on for the page itself.
async function checkPage(page, name) {
  for (const w of WIDTHS) {
    await page.setViewportSize({ width: w.width, height: w.height });
    await settle(page);
    const key = `${name}@${w.name}`;
    try {
      const hasAxe = await page.evaluate(() => typeof window.axe === 'object');
      if (!hasAxe) await page.evaluate(AXE_SOURCE);
      const result = await page.evaluate(
        (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
        AXE_TAGS,
      );
      axeResults.set(key, result.violations);
    } catch (e) {
      axeResults.set(key, e);
    }
    await page.screenshot({ path: path.join(opts.artifacts, `${name}-${w.name}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await settle(page);
}

// Submits a form by clicking its button; the final response after any redirects.
async function submit(page, buttonText) {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: buttonText, exact: true }).click(),
  ]);
  await settle(page);
  return response;
}

async function goto(page, pathname) {
  const response = await page.goto(state.base + pathname);
  await settle(page);
  return response;
}

const pathOf = (page) => new URL(page.url()).pathname;
const text = (page, selector) => page.locator(selector).first().innerText();

async function signInWithPassword(page, user, password = PASSWORD) {
  if (pathOf(page) !== '/sign-in') await goto(page, '/sign-in');
  await page.fill('#email', user.email);
  await page.fill('#password', password);
  return submit(page, 'Sign in');
}

// The start page: the Pledge heading and the measures, in one table or one per promise, each with a
// caption; who is signed in; the navigation with the start page current and the audit log for admins.
async function assertStartPage(page, user) {
  assert.equal(pathOf(page), '/', `expected the start page, got ${page.url()}`);
  assert.match((await text(page, 'h1')).trim(), /Pledge/);
  const tables = page.locator('main table.govuk-table');
  const count = await tables.count();
  assert.ok(count >= 1, 'the start page has a measures table');
  const captions = await tables.evaluateAll((ts) => ts.map((t) => t.caption?.textContent.trim() || ''));
  // Measures tables name the year; the survey's tables (beside them) name the round.
  assert.ok(captions.every((c) => /^How we know: \d{4}-\d{2}$/.test(c) || /^What children and young people told us: .+/.test(c)),
    `every table has a caption naming the year or the survey round: ${captions}`);
  assert.ok(captions.some((c) => /^How we know: \d{4}-\d{2}$/.test(c)), 'at least one measures table');
  const rows = await page.locator('main table.govuk-table tbody tr').count();
  assert.ok(rows >= 10, `the measures tables have ${rows} rows`);
  assert.equal((await text(page, '.corparent-account__who')).trim(), `Signed in as ${user.email} (${user.label})`);
  assert.equal(await page.locator('header a[href="/"][aria-current="page"]').count(), 1,
    'the navigation item of the start page is marked as the current page');
  assert.equal(await page.locator('header nav a[href="/audit"]').count(), user.role === 'admin' ? 1 : 0,
    'the Audit log link shows for administrators only');
}

async function assertSessionCookie(context) {
  const cookies = await context.cookies(state.base);
  const session = cookies.find((c) => c.name === 'corparent_session');
  assert.ok(session, `no corparent_session cookie (cookies: ${cookies.map((c) => c.name).join(', ')})`);
  assert.equal(session.httpOnly, true, 'the session cookie is HttpOnly');
  assert.equal(session.sameSite, 'Strict', 'the session cookie is SameSite=Strict');
  assert.equal(session.path, '/');
}

async function readErrorSummary(page) {
  const summary = page.locator('.govuk-error-summary');
  assert.equal(await summary.count(), 1, 'an error summary');
  assert.equal((await summary.locator('.govuk-error-summary__title').innerText()).trim(), 'There is a problem');
  return summary.locator('.govuk-error-summary__list a').evaluateAll((as) =>
    as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent.trim() })));
}

// ---------------------------------------------------------------------------------------------------
// The tests

// A test that needs the set-up to have passed (the set-up test itself sets state.ready).
function test(name, options, fn) {
  if (typeof options === 'function') [options, fn] = [{}, options];
  if (name.startsWith('set-up:')) return nodeTest(name, options, fn);
  return nodeTest(name, options, async (t) => {
    assert.ok(state.ready, 'the set-up failed (see its test above)');
    return fn(t);
  });
}

describe('corparent in a browser', { concurrency: false }, () => {
  // The set-up is a test of its own, so that a failure there is counted as one (a failing before() hook
  // only cancels the tests); every later test needs it to have passed.
  test('set-up: a fresh database with a small council, a user for every role, the server, Chromium', { timeout: 120000 }, async () => {
    assert.ok(fs.existsSync(opts.binary), `no corparent binary at ${opts.binary}`);
    assert.ok(fs.existsSync(opts.chromium), `no Chromium at ${opts.chromium}`);
    fs.mkdirSync(opts.artifacts, { recursive: true });
    state.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corparent-browser-'));
    state.db = path.join(state.tmp, 'corparent.db');
    // The demo's council: five returns, the Virtual School's records and Ofsted's ratings.
    run(['demo', '--no-serve', '--db', state.db, '--data', 'council', '--children', String(opts.children), '--seed', '1']);
    for (const u of Object.values(USERS))
      run(['user', 'add', '--db', state.db, '--email', u.email, '--role', u.role], { CORPARENT_PASSWORD: PASSWORD });
    await startServer();
    state.browser = await chromium.launch({ executablePath: opts.chromium, headless: true, args: CHROMIUM_ARGS });
    state.ready = true;
  });

  after(async () => {
    for (const c of state.contexts) await c.close().catch(() => {});
    if (state.browser) await state.browser.close().catch(() => {});
    if (state.child && state.child.exitCode === null && state.child.signalCode === null) {
      state.child.kill('SIGKILL');
      await state.exited;
    }
    if (state.logFile && fs.existsSync(state.logFile))
      fs.copyFileSync(state.logFile, path.join(opts.artifacts, 'server.log'));
    const summary = {};
    for (const [k, v] of axeResults) summary[k] = v instanceof Error ? { error: v.message } : v;
    fs.writeFileSync(path.join(opts.artifacts, 'axe-results.json'), JSON.stringify(summary, null, 2));
    if (state.tmp) {
      if (opts.keep) console.log(`# kept ${state.tmp}`);
      else fs.rmSync(state.tmp, { recursive: true, force: true });
    }
  });

  test('TOTP in JS agrees with RFC 6238 and with corparent totp', () => {
    // RFC 6238 appendix B, SHA-1 key "12345678901234567890", T = 59 s: 94287082 (8 digits).
    const rfcKey = Buffer.from('12345678901234567890').toString('hex');
    assert.equal(hotp(Buffer.from(rfcKey, 'hex'), 1, 8), '94287082');
    assert.equal(hotp(Buffer.from(rfcKey, 'hex'), 37037036, 8), '07081804');   // T = 1111111109 s
    assert.equal(hotp(Buffer.from(rfcKey, 'hex'), 37037037, 8), '14050471');   // T = 1111111111 s
    assert.equal(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 1), '287082');
    const key = 'JBSWY3DPEHPK3PXP';
    const before = totp(key);
    const printed = run(['totp', key]).trim();
    const afterwards = totp(key);
    assert.ok(printed.includes(before) || printed.includes(afterwards), `corparent totp printed ${printed}, JS computed ${before}`);
  });

  test('(a) a board member signs in with a password only and sees the measures', async () => {
    const { context, page } = await newContext();
    const r = await goto(page, '/sign-in');
    assert.equal(r.status(), 200);
    assert.equal((await text(page, 'h1')).trim(), 'Sign in');
    assert.match(await page.title(), /^Sign in – corparent – /);
    await checkPage(page, 'sign-in');
    const home = await signInWithPassword(page, USERS.member);
    assert.equal(home.status(), 200);
    assert.equal(home.request().redirectedFrom()?.method(), 'POST', 'the start page came by a redirect from the sign-in post');
    await assertStartPage(page, USERS.member);
    await assertSessionCookie(context);
    await checkPage(page, 'start');
    await assertClean(page);
  });

  test('the CSP is enforced, and a violation would be seen: an injected inline script is blocked', async () => {
    const { page } = await newContext();
    await goto(page, '/sign-in');
    await page.addScriptTag({ content: 'window.__injected = 1' }).catch(() => {});
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('div'), { id: 'styled' })));
    await page.evaluate(() => document.getElementById('styled').setAttribute('style', 'color: red'));
    await sleep(200);
    assert.equal(await page.evaluate(() => window.__injected), undefined, 'the inline script did not run');
    const seen = page._record.console.filter((m) => /Content Security Policy|CSP violation/.test(m.text));
    assert.ok(seen.some((m) => /script-src/.test(m.text)), 'the blocked script was reported on the console');
    assert.ok(seen.some((m) => /style-src/.test(m.text)), 'the blocked inline style was reported on the console');
    page._record.console = [];   // expected here, and only here
    await assertClean(page);
  });

  test('(b) an administrator sets up a second factor, reads the audit log, signs out and in again', { timeout: 120000 }, async () => {
    const { context, page } = await newContext();
    await signInWithPassword(page, USERS.admin);
    assert.equal(pathOf(page), '/two-factor/set-up');
    assert.equal((await text(page, 'h1')).trim(), 'Set up your authenticator app');
    assert.equal(await page.locator('svg.corparent-qr[role="img"][aria-label]').count(), 1, 'a QR code with a text alternative');
    assert.equal(await page.locator('header a[href="/audit"]').count(), 0, 'no navigation before the second factor');
    const secret = (await text(page, '.corparent-secret')).trim();
    assert.match(secret, /^[A-Z2-7]{16,}=*$/, `the key is base32: ${secret}`);
    await checkPage(page, 'two-factor-set-up');

    // A wrong code first: the error summary, and the same key still offered.
    await page.fill('#code', wrongCode(secret));
    const bad = await submit(page, 'Continue');
    assert.equal(bad.status(), 400);
    assert.deepEqual(await readErrorSummary(page), [{ href: '#code', text: 'The code is not right. Enter the code your app shows now' }]);
    assert.equal((await text(page, '.corparent-secret')).trim(), secret, 'the same key after a wrong code');
    assert.match(await page.title(), /^Error: /);
    await checkPage(page, 'two-factor-set-up-errors');

    // The right code.
    const setUpStep = stepNow();
    await page.fill('#code', totp(secret, setUpStep));
    const home = await submit(page, 'Continue');
    assert.equal(home.status(), 200);
    await assertStartPage(page, USERS.admin);
    await assertSessionCookie(context);

    // The audit log shows this sign-in.
    await page.getByRole('link', { name: 'Audit log' }).click();
    await settle(page);
    assert.equal(pathOf(page), '/audit');
    assert.equal((await text(page, 'h1')).trim(), 'Audit log');
    const rows = await page.locator('main table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));
    const mine = rows.filter((r) => r[1] === USERS.admin.email);
    assert.ok(mine.some((r) => r[2] === 'sign_in.password' && r[5] === '127.0.0.1'),
      `the audit log shows the administrator's sign-in:\n${rows.map((r) => r.join(' | ')).join('\n')}`);
    assert.ok(mine.some((r) => r[2] === 'user.second_factor_set_up'), 'the audit log shows the second factor set up');
    await checkPage(page, 'audit');

    // The filters work.
    await page.fill('#actor', USERS.admin.email);
    await page.selectOption('#action', 'sign_in.password');
    const filtered = await submit(page, 'Filter');
    assert.equal(filtered.status(), 200);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('actor'), USERS.admin.email);
    assert.equal(url.searchParams.get('action'), 'sign_in.password');
    const actions = await page.locator('main table tbody tr td:nth-child(3)').allInnerTexts();
    assert.ok(actions.length >= 1 && actions.every((a) => a.trim() === 'sign_in.password'), `filtered: ${actions}`);

    // Sign out: back at the sign-in page, and the session is no more.
    const out = await submit(page, 'Sign out');
    assert.equal(out.status(), 200);
    assert.equal(pathOf(page), '/sign-in');
    assert.equal((await context.cookies(state.base)).some((c) => c.name === 'corparent_session' && c.value), false,
      'the session cookie is gone after signing out');
    await goto(page, '/audit');
    assert.equal(pathOf(page), '/sign-in', 'the audit log needs signing in again');

    // In again: password, then a code on /two-factor. A wrong code first.
    await signInWithPassword(page, USERS.admin);
    assert.equal(pathOf(page), '/two-factor');
    assert.equal((await text(page, 'h1')).trim(), 'Enter the code from your authenticator app');
    await checkPage(page, 'two-factor');
    await page.fill('#code', wrongCode(secret));
    const bad2 = await submit(page, 'Continue');
    assert.equal(bad2.status(), 400);
    assert.deepEqual(await readErrorSummary(page), [
      { href: '#code', text: 'The code is not right, or has been used. Enter the code your app shows now' },
    ]);
    assert.equal(await page.locator('#code').getAttribute('aria-describedby'), 'code-hint code-error');
    await checkPage(page, 'two-factor-errors');

    // The code used at set-up cannot be used again: wait for the next 30-second step.
    while (stepNow() <= setUpStep) await sleep(250);
    await page.fill('#code', totp(secret));
    const home2 = await submit(page, 'Continue');
    assert.equal(home2.status(), 200);
    await assertStartPage(page, USERS.admin);
    await goto(page, `/audit?actor=${encodeURIComponent(USERS.admin.email)}&action=sign_in`);
    const details = await page.locator('main table tbody tr td:nth-child(5)').allInnerTexts();
    assert.ok(details.includes('with a second factor'), `the audit log shows the sign-in with a second factor: ${details}`);
    await assertClean(page);
  });

  test('(c) a wrong password: error summary, field error, links and focus', async () => {
    const { page } = await newContext();
    await goto(page, '/sign-in');

    // Nothing entered: both fields in error.
    const empty = await submit(page, 'Sign in');
    assert.equal(empty.status(), 400);
    assert.deepEqual(await readErrorSummary(page), [
      { href: '#email', text: 'Enter your email address' },
      { href: '#password', text: 'Enter your password' },
    ]);
    await checkPage(page, 'sign-in-empty');

    await page.fill('#email', USERS.participation.email);
    await page.fill('#password', 'not the password at all');
    const r = await submit(page, 'Sign in');
    assert.equal(r.status(), 400);
    assert.equal(pathOf(page), '/sign-in');
    assert.match(await page.title(), /^Error: Sign in/);
    const links = await readErrorSummary(page);
    assert.deepEqual(links, [{ href: '#password', text: 'The email address or password is not right' }]);
    assert.equal((await text(page, '#password-error')).replace(/\s+/g, ' ').trim(), 'Error: The email address or password is not right');
    assert.equal(await page.locator('#password').getAttribute('aria-describedby'), 'password-error');
    assert.ok((await page.locator('#password').getAttribute('class')).includes('govuk-input--error'));
    assert.ok((await page.locator('#password').evaluate((e) => e.closest('.govuk-form-group').className)).includes('govuk-form-group--error'));
    assert.equal(await page.inputValue('#email'), USERS.participation.email, 'the email address is kept');
    assert.equal(await page.inputValue('#password'), '', 'the password is not sent back');
    // GOV.UK Frontend moves focus to the error summary when the page loads.
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')), true,
      'focus is on the error summary');
    await checkPage(page, 'sign-in-errors');
    // The summary's link takes focus to the password field.
    await page.locator('.govuk-error-summary__list a[href="#password"]').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'password', 'the link moves focus to the password field');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname !== '/sign-in');
    await settle(page);
    assert.equal(pathOf(page), '/two-factor/set-up', 'the right password then leads on to the second factor');
    await assertClean(page);
  });

  test('(d) five wrong passwords, then even the right one is refused', async () => {
    const { context, page } = await newContext();
    for (let i = 1; i <= 5; i++) {
      const r = await signInWithPassword(page, USERS.locked, `wrong password number ${i}`);
      assert.equal(r.status(), 400, `wrong password ${i}`);
      assert.equal((await readErrorSummary(page))[0].text, 'The email address or password is not right');
    }
    const r = await signInWithPassword(page, USERS.locked, PASSWORD);
    assert.equal(r.status(), 429);
    assert.equal(pathOf(page), '/sign-in');
    const [link] = await readErrorSummary(page);
    assert.match(link.text, /^Too many attempts to sign in\. Wait \d+ minutes, then try again$/);
    assert.equal(link.href, '#password');
    assert.equal((await context.cookies(state.base)).some((c) => c.name === 'corparent_session'), false, 'no session');
    await checkPage(page, 'too-many-attempts');
    await assertClean(page);
  });

  test('(e) a board member gets the 403 page for the audit log; signed out, pages lead to sign-in', async () => {
    const { page } = await newContext();
    await signInWithPassword(page, USERS.member);
    assert.equal(pathOf(page), '/');
    const forbidden = await goto(page, '/audit');
    assert.equal(forbidden.status(), 403);
    assert.equal((await text(page, 'h1')).trim(), 'You cannot see this page');
    assert.match(await page.title(), /^You cannot see this page – corparent/);
    await checkPage(page, 'error-403');
    const missing = await goto(page, '/no-such-page');
    assert.equal(missing.status(), 404);
    assert.equal((await text(page, 'h1')).trim(), 'Page not found');
    await checkPage(page, 'error-404');
    await page.getByRole('link', { name: 'Go to the start page' }).click();
    await settle(page);
    assert.equal(pathOf(page), '/');
    await assertClean(page);

    const fresh = await newContext();
    for (const p of ['/', '/audit', '/two-factor']) {
      const r = await goto(fresh.page, p);
      assert.equal(pathOf(fresh.page), '/sign-in', `signed out, ${p} leads to /sign-in`);
      assert.equal(r.status(), 200);
      const from = r.request().redirectedFrom();
      assert.equal(from && new URL(from.url()).pathname, p);
      assert.equal((await from.response()).status(), 303);
    }
    const missing2 = await goto(fresh.page, '/no-such-page');
    assert.equal(missing2.status(), 404, 'a missing page is 404 signed out too');
    await assertClean(fresh.page);
  });

  test('(f) keyboard only: sign in and out with Tab, typing and Enter', async () => {
    const { page } = await newContext();
    await goto(page, '/sign-in');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), 'Skip to main content',
      'the first Tab reaches the skip link');
    const focusedId = () => page.evaluate(() => document.activeElement?.id || '');
    let presses = 1;
    while ((await focusedId()) !== 'email') {
      assert.ok(++presses <= 15, 'Tab reaches the email field');
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type(USERS.officer.email);
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(), 'password', 'Tab goes from email to password');
    await page.keyboard.type(PASSWORD);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await settle(page);
    await assertStartPage(page, USERS.officer);

    // Out again by keyboard: Tab to the Sign out button, Enter.
    presses = 0;
    while ((await page.evaluate(() => document.activeElement?.textContent.trim())) !== 'Sign out') {
      assert.ok(++presses <= 15, 'Tab reaches the Sign out button');
      await page.keyboard.press('Tab');
    }
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await settle(page);
    assert.equal(pathOf(page), '/sign-in');
    await assertClean(page);
  });

  test('every role signs in to the start page and only administrators see the audit log', { timeout: 120000 }, async () => {
    for (const key of ['participation', 'analyst', 'worker', 'board_officer']) {
      const user = key === 'board_officer' ? USERS.officer : USERS[key];
      const { page } = await newContext();
      await signInWithPassword(page, user);
      if (user.role !== 'board_officer') {
        assert.equal(pathOf(page), '/two-factor/set-up', `${user.role} sets up a second factor`);
        const secret = (await text(page, '.corparent-secret')).trim();
        await page.fill('#code', totp(secret));
        await submit(page, 'Continue');
      }
      await assertStartPage(page, user);
      // Roles that do not see child-level data get figures with small numbers suppressed, and are told so.
      const aggregate = (await page.locator('main .govuk-inset-text').count()) === 1;
      assert.equal(aggregate, !['analyst', 'worker', 'admin'].includes(user.role), `${user.role}: suppression notice`);
      await checkPage(page, `start-${user.role}`);
      const r = await goto(page, '/audit');
      assert.equal(r.status(), 403, `${user.role} may not see the audit log`);
      await assertClean(page);
    }
  });


  // Presses Tab until the focused element matches `selector` (at most `limit` times): keyboard only.
  async function tabTo(page, selector, limit = 60) {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
    }
    throw new Error(`Tab never reached ${selector} on ${page.url()}`);
  }

  // One survey page by keyboard: the first answer of every question (Space on its first radio), then Continue.
  async function answerByKeyboard(page) {
    const groups = await page.locator('main .govuk-radios').count();
    for (let g = 0; g < groups; g++) {
      const first = await page.locator('main .govuk-radios').nth(g).locator('input[type=radio]').first().getAttribute('id');
      await tabTo(page, `#${first}`);
      await page.keyboard.press('Space');
    }
    await tabTo(page, 'main button.govuk-button');
    const [response] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await settle(page);
    return response;
  }

  test('(i) a child answers the 8-10 survey on a phone by keyboard, closes the tab half-way and resumes with the code', { timeout: 180000 }, async () => {
    const today = new Date().toISOString().slice(0, 10);
    const closes = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);
    const opened = run(['survey', 'open', '--db', state.db, '--name', 'Browser test round', '--opens', today, '--closes', closes,
                        '--versions', '8-10']);
    const round = opened.match(/Opened round (\d+)/)[1];
    const [code] = run(['survey', 'codes', '--db', state.db, '--round', round, '--version', '8-10', '--count', '2']).trim().split('\n');
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    let { context, page } = await newContext();
    await page.setViewportSize({ width: 390, height: 844 });
    await goto(page, '/survey');
    assert.equal((await text(page, 'h1')).trim(), 'Have your say');
    assert.match(await text(page, '.corparent-helpline'), /0800 1111/, 'the helpline is on the page');
    await checkPage(page, 'survey-start');
    await page.setViewportSize({ width: 390, height: 844 });
    // A mistyped code first: the error summary links to the field.
    await tabTo(page, '#code');
    await page.keyboard.type('ABCD-EFGH-JKMN');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await settle(page);
    assert.deepEqual(await readErrorSummary(page), [{ href: '#code', text: 'We could not find that code. Check it against your card and try again' }]);
    await checkPage(page, 'survey-start-error');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.fill('#code', '');
    await tabTo(page, '#code');
    await page.keyboard.type(code.toLowerCase());
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await settle(page);
    assert.equal(pathOf(page), '/survey/step/0');
    assert.equal((await text(page, 'h1')).trim(), 'Before you start');
    await checkPage(page, 'survey-intro');
    await page.setViewportSize({ width: 390, height: 844 });
    await answerByKeyboard(page);
    assert.equal(pathOf(page), '/survey/step/1');
    const firstHeading = (await text(page, 'h1')).trim();
    await checkPage(page, 'survey-questions');
    await page.setViewportSize({ width: 390, height: 844 });
    await answerByKeyboard(page);
    assert.equal(pathOf(page), '/survey/step/2');
    const secondHeading = (await text(page, 'h1')).trim();
    await assertClean(page);

    // The tab closes half-way; later the child opens the survey again and types the same code.
    await context.close();
    ({ context, page } = await newContext());
    await page.setViewportSize({ width: 390, height: 844 });
    await goto(page, '/survey');
    await tabTo(page, '#code');
    await page.keyboard.type(code);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await settle(page);
    assert.equal(pathOf(page), '/survey/step/2', 'the same code goes back to where the child stopped');
    assert.equal((await text(page, 'h1')).trim(), secondHeading);
    // The answers given before the tab closed are still there.
    await page.getByRole('link', { name: 'Back' }).click();
    await settle(page);
    assert.equal((await text(page, 'h1')).trim(), firstHeading);
    assert.ok(await page.locator('main input[type=radio]:checked').count() >= 1, 'earlier answers are kept');
    await answerByKeyboard(page);
    // On through the remaining pages to the end.
    for (let guard = 0; guard < 20; guard++) {
      const heading = (await text(page, 'h1')).trim();
      if (heading === 'About you') await checkPage(page, 'survey-about');
      if (heading === 'In your own words') {
        await checkPage(page, 'survey-words');
        await tabTo(page, 'main textarea');
        await page.keyboard.type('More trips in the holidays please');
      }
      if (heading === 'Would you like someone to talk to you?') {
        await checkPage(page, 'survey-talk');
        await page.setViewportSize({ width: 390, height: 844 });
        await tabTo(page, 'input[name="talk"]');
        await page.keyboard.press('ArrowDown');   // arrows move through a radio group: "No, thank you"
        assert.equal(await page.locator('#talk-no').isChecked(), true);
        await tabTo(page, 'main button.govuk-button');
        await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
        await settle(page);
        break;
      }
      await page.setViewportSize({ width: 390, height: 844 });
      await answerByKeyboard(page);
    }
    assert.equal(pathOf(page), '/survey/sent');
    assert.equal((await text(page, '.govuk-panel__title')).trim(), 'Thank you');
    await checkPage(page, 'survey-sent');
    // The 4-7 version: answers with faces (pictures), read with an adult.
    const opened47 = run(['survey', 'open', '--db', state.db, '--name', 'Browser test round 4-7', '--opens', today, '--closes', closes,
                          '--versions', '4-7']);
    const round47 = opened47.match(/Opened round (\d+)/)[1];
    const [young] = run(['survey', 'codes', '--db', state.db, '--round', round47, '--version', '4-7', '--count', '1']).trim().split('\n');
    const { page: kp } = await newContext();
    await goto(kp, '/survey');
    await kp.fill('#code', young);
    await submit(kp, 'Start');
    await submit(kp, 'Continue');
    assert.ok(await kp.locator('main img.corparent-face').count() >= 3, 'the 4-7 version answers with faces');
    await checkPage(kp, 'survey-faces');
    await assertClean(kp);
    // The code is spent now.
    await goto(page, '/survey');
    await page.fill('#code', code);
    await submit(page, 'Start');
    assert.match((await readErrorSummary(page))[0].text, /used to send answers already/);
    await assertClean(page);

    // The participation officer sees the round, its results, the comment, and works a concern.
    const officer = { email: `survey.officer@${DOMAIN}`, role: 'participation' };
    run(['user', 'add', '--db', state.db, '--email', officer.email, '--role', 'participation'], { CORPARENT_PASSWORD: PASSWORD });
    const { page: op } = await newContext();
    await signInWithPassword(op, officer);
    await op.fill('#code', totp((await text(op, '.corparent-secret')).trim()));
    await submit(op, 'Continue');
    assert.equal(await op.locator('.govuk-notification-banner a[href="/concerns"]').count(), 1, 'open concerns stand out on the start page');
    await checkPage(op, 'start-participation-alerts');
    await op.getByRole('link', { name: 'Survey', exact: true }).click();
    await settle(op);
    await checkPage(op, 'voice');
    await goto(op, '/voice/new-round');
    await checkPage(op, 'voice-new-round');
    await goto(op, `/voice/rounds/${round}`);
    assert.match(await text(op, 'main table'), /8 to 10|8-10/);
    await checkPage(op, 'voice-round');
    await goto(op, `/voice/results/${round}`);
    await checkPage(op, 'voice-results');
    await goto(op, '/voice');
    const resultLinks = await op.locator('main a[href^="/voice/results/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    await goto(op, `${resultLinks[resultLinks.length - 1]}?by=age_band`);
    assert.ok(await op.locator('main svg[role="img"]').count() >= 1, 'the results have their chart');
    await checkPage(op, 'voice-results-by-age');
    await goto(op, `/voice/comments/${round}`);
    assert.match(await text(op, 'main'), /More trips in the holidays please/);
    await op.fill('main input[name="themes"]', 'Things to do');
    await submit(op, 'Save themes of this comment');
    assert.match(await text(op, 'main table'), /Things to do/);
    await checkPage(op, 'voice-comments');
    // The theme becomes a You said item for the Board.
    await op.locator('main a', { hasText: 'Make it a You said item' }).first().click();
    await settle(op);
    await checkPage(op, 'voice-theme');
    await op.check('#statement-happy-and-fun');
    await op.fill('#summary', 'Children want more to do in the holidays');
    await submit(op, 'Make it a You said item');
    assert.match(pathOf(op), /^\/board\/you-said\/\d+$/, 'the theme leads to its new You said item');
    assert.match(await text(op, 'main'), /Children want more to do in the holidays/);
    await goto(op, '/concerns');
    await checkPage(op, 'concerns');
    await op.locator('main a[href^="/concerns/"]').first().click();
    await settle(op);
    await checkPage(op, 'concern');
    await op.fill('#note', 'Rang the social worker, who visited the same day');
    await submit(op, 'Add the note and close the concern');
    assert.match(await text(op, 'main'), /Closed/);
    await assertClean(op);
  });

  test('(g) every page, signed out and as an administrator, reached by following the links', { timeout: 300000 }, async () => {
    // Public pages first, signed out.
    const { page: visitor } = await newContext();
    for (const [pathname, name] of [['/accessibility', 'accessibility'], ['/privacy', 'privacy'],
                                    ['/privacy/young-people', 'privacy-young-people']]) {
      const r = await goto(visitor, pathname);
      assert.equal(r.status(), 200, `${pathname} needs no account`);
      await checkPage(visitor, name);
    }
    // A second administrator walks the rest: the measures (each one), the public pages' editing.
    const crawler = { email: `crawler@${DOMAIN}`, role: 'admin' };
    run(['user', 'add', '--db', state.db, '--email', crawler.email, '--role', 'admin'], { CORPARENT_PASSWORD: PASSWORD });
    const { page } = await newContext();
    await signInWithPassword(page, crawler);
    const secret = (await text(page, '.corparent-secret')).trim();
    await page.fill('#code', totp(secret));
    await submit(page, 'Continue');
    await goto(page, '/measures');
    await checkPage(page, 'measures');
    const measureLinks = await page.locator('main a[href^="/measures/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(measureLinks.length >= 20, `the measures list links every measure: ${measureLinks.length}`);
    for (const href of measureLinks) {
      const r = await goto(page, href);
      assert.equal(r.status(), 200, href);
      assert.ok(await page.locator('main svg[role="img"]').count() >= 1, `${href} has its chart`);
      await checkPage(page, `measure-${href.split('/').pop()}`);
    }
    for (const [pathname, name] of [['/admin/pages', 'admin-pages'], ['/admin/pages/accessibility', 'admin-page-edit'],
                                    ['/education', 'education'], ['/homes', 'homes'], ['/account/password', 'account-password']]) {
      const r = await goto(page, pathname);
      assert.equal(r.status(), 200, pathname);
      await checkPage(page, name);
    }
    // Children: the list, a child's page; the administration pages.
    await goto(page, '/children');
    await checkPage(page, 'children');
    const rows = await page.locator('main table tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      href: tr.querySelector('a').getAttribute('href'),
      sw: tr.lastElementChild.textContent.trim(),
    })));
    assert.ok(rows.length > 0, 'the children list has children');
    await goto(page, rows[0].href);
    await checkPage(page, 'child');
    for (const [pathname, name] of [['/admin/users', 'admin-users'], ['/admin/users/add', 'admin-user-add'],
                                    ['/admin/pledge', 'admin-pledge'], ['/admin/settings', 'admin-settings']]) {
      const r = await goto(page, pathname);
      assert.equal(r.status(), 200, pathname);
      await checkPage(page, name);
    }

    // A worker opens a child on their caseload, and is refused a child on another worker's.
    const withWorker = rows.filter((r) => /^SW/.test(r.sw));
    const mineRow = withWorker[0];
    const otherRow = withWorker.find((r) => r.sw !== mineRow.sw);
    assert.ok(mineRow && otherRow, 'two children with different social workers');
    const worker = { email: `caseload.worker@${DOMAIN}`, role: 'worker' };
    run(['user', 'add', '--db', state.db, '--email', worker.email, '--role', 'worker', '--sw-id', mineRow.sw],
        { CORPARENT_PASSWORD: PASSWORD });
    const { page: wp } = await newContext();
    await signInWithPassword(wp, worker);
    await wp.fill('#code', totp((await text(wp, '.corparent-secret')).trim()));
    await submit(wp, 'Continue');
    await wp.getByRole('link', { name: 'Your caseload' }).click();
    await settle(wp);
    await checkPage(wp, 'caseload');
    const mine = await goto(wp, mineRow.href);
    assert.equal(mine.status(), 200, 'a child on the worker\'s caseload opens');
    const theirs = await goto(wp, otherRow.href);
    assert.equal(theirs.status(), 403, 'a child on another worker\'s caseload is refused');
    // A Board member reads the Pledge and a measure.
    const { page: bp } = await newContext();
    await signInWithPassword(bp, USERS.member);
    await bp.getByRole('link', { name: 'Measures', exact: true }).click();
    await settle(bp);
    await bp.locator('main a[href="/measures/stability_short"]').click();
    await settle(bp);
    assert.ok(await bp.locator('main svg[role="img"]').count() >= 1, 'a Board member reads a measure with its chart');
    await checkPage(bp, 'measure-as-board-member');

    // Returns: an analyst uploads a return in the browser, sees its progress, then reads its findings.
    const analyst = { email: `upload.analyst@${DOMAIN}`, role: 'analyst' };
    run(['user', 'add', '--db', state.db, '--email', analyst.email, '--role', 'analyst'], { CORPARENT_PASSWORD: PASSWORD });
    const { page: ap } = await newContext();
    await signInWithPassword(ap, analyst);
    await ap.fill('#code', totp((await text(ap, '.corparent-secret')).trim()));
    await submit(ap, 'Continue');
    await ap.getByRole('link', { name: 'Returns' }).click();
    await settle(ap);
    assert.equal(pathOf(ap), '/data');
    await checkPage(ap, 'data');
    await ap.getByRole('button', { name: 'Upload a return' }).click();
    await settle(ap);
    assert.equal(pathOf(ap), '/data/upload');
    await checkPage(ap, 'data-upload');
    const latestYear = fs.readdirSync(path.join(state.tmp, 'council')).filter((f) => /^\d{4}$/.test(f)).sort().pop();
    const files = fs.readdirSync(path.join(state.tmp, 'council', latestYear)).map((f) => path.join(state.tmp, 'council', latestYear, f));
    await ap.selectOption('#year', latestYear);
    await ap.setInputFiles('#files', files);
    await submit(ap, 'Upload and import');
    assert.match(pathOf(ap), /^\/data\/jobs\//, 'the upload leads to its progress page');
    await ap.waitForSelector('.govuk-panel__title', { timeout: 60000 });
    assert.equal((await text(ap, '.govuk-panel__title')).trim(), 'Imported');
    await checkPage(ap, 'data-job');
    await ap.getByRole('link', { name: /See the findings/ }).click();
    await settle(ap);
    assert.equal(pathOf(ap), `/data/${latestYear}`);
    await checkPage(ap, 'data-findings');

    // Downloads: the CSV holds the figures the page shows.
    const csv = await page.evaluate(async () => (await fetch('/measures/stability_short.csv')).text());
    assert.match(csv, /^\uFEFF?Year,Group,Numerator,Denominator,Value/, 'the CSV has its header');
    assert.ok(csv.split('\n').length > 3, 'the CSV has a row a year');
    await assertClean(page);
    await assertClean(ap);
  });

  test('the Board officer records a meeting and marks an action done; the public page shows it', { timeout: 180000 }, async () => {
    const { page } = await newContext();
    await signInWithPassword(page, USERS.officer);
    assert.equal(pathOf(page), '/');
    // The demo Board has overdue actions: the start page says so and links to them.
    assert.match(await page.locator('main').innerText(), /actions? (is|are) overdue in the “You said, We did” action plan/);
    await page.getByRole('link', { name: 'Board', exact: true }).click();
    await settle(page);
    assert.equal(pathOf(page), '/board/meetings');
    assert.ok(await page.locator('main table caption').count() >= 1, 'meetings by municipal year');
    await checkPage(page, 'board-meetings');
    await page.getByRole('link', { name: 'The Board’s members' }).click();
    await settle(page);
    await checkPage(page, 'board-members');

    // A new meeting, then its record: who came, the minutes, the action plan reviewed.
    await goto(page, '/board/meetings/new');
    await checkPage(page, 'board-meeting-add');
    const d = new Date();
    await page.fill('#held_on', String(d.getDate()));
    await page.fill('#held_on-month', String(d.getMonth() + 1));
    await page.fill('#held_on-year', String(d.getFullYear()));
    await page.fill('#theme', 'Stability and moving home');
    await page.fill('#agenda', 'Apologies\nYou said, We did\nThemed report');
    await submit(page, 'Add meeting');
    assert.match(pathOf(page), /^\/board\/meetings\/\d+$/);
    assert.match(await text(page, 'h1'), /^Meeting on /);
    await checkPage(page, 'board-meeting');
    await page.locator('#attended').check();
    await page.locator('#reviewed').check();
    await page.fill('#minutes', 'The Board heard from two young people about moving school.');
    await submit(page, 'Save the record');
    assert.equal((await text(page, '.govuk-notification-banner__heading')).trim(), 'The record of the meeting is saved');
    assert.match(await page.locator('main').innerText(), /The Board heard from two young people about moving school\./);

    // An overdue action: done needs its We did sentence; then it is done and published.
    await goto(page, '/board/actions?show=overdue');
    await checkPage(page, 'board-actions');
    assert.ok(await page.locator('main .govuk-tag--red').count() >= 1, 'overdue actions carry a red tag');
    await page.locator('main table tbody tr a').first().click();
    await settle(page);
    assert.match(await page.locator('main .govuk-warning-text').first().innerText(), /Overdue: it was due on/);
    await checkPage(page, 'board-action');
    const actionPath = pathOf(page);
    await page.locator('input[name="status"][value="done"]').check();
    await page.fill('#we_did', '');
    await submit(page, 'Change status');
    const [problem] = await readErrorSummary(page);
    assert.deepEqual(problem, { href: '#we_did', text: 'Enter the We did sentence: what was done, in words a child understands' });
    await checkPage(page, 'board-action-errors');
    const sentence = `We now write to you within a week when your social worker changes (${Date.now()}).`;
    await page.locator('input[name="status"][value="done"]').check();
    await page.fill('#we_did', sentence);
    await submit(page, 'Change status');
    assert.equal(pathOf(page), actionPath);
    assert.equal((await text(page, '.govuk-notification-banner__heading')).trim(), 'The status is changed');
    await submit(page, 'Publish on the public page');
    assert.equal((await text(page, '.govuk-notification-banner__heading')).trim(), 'The We did sentence is on the public page');

    // You said: the list, an item, adding an action to it.
    await goto(page, '/board/you-said');
    await checkPage(page, 'board-you-said');
    await page.locator('main table tbody tr a').first().click();
    await settle(page);
    await checkPage(page, 'board-you-said-item');
    await page.getByRole('button', { name: 'Add an action' }).click();
    await settle(page);
    await checkPage(page, 'board-action-add');
    await assertClean(page);

    // A participation officer records what children said at the meeting.
    const participation = { email: `board.participation@${DOMAIN}`, role: 'participation' };
    run(['user', 'add', '--db', state.db, '--email', participation.email, '--role', 'participation'], { CORPARENT_PASSWORD: PASSWORD });
    const { page: pp } = await newContext();
    await signInWithPassword(pp, participation);
    await pp.fill('#code', totp((await text(pp, '.corparent-secret')).trim()));
    await submit(pp, 'Continue');
    await goto(pp, '/board/you-said/new');
    await checkPage(pp, 'board-you-said-add');
    await assertClean(pp);

    // Anyone, signed out, reads the public page: the new We did sentence is there.
    const { page: visitor } = await newContext();
    const r = await goto(visitor, '/you-said-we-did');
    assert.equal(r.status(), 200);
    assert.equal(pathOf(visitor), '/you-said-we-did', 'no account needed');
    assert.match(await visitor.locator('main').innerText(), new RegExp(sentence.replace(/[().]/g, '\\$&')));
    assert.doesNotMatch(await visitor.locator('main').innerText(), /@|Cllr|Jordan|Amira/, 'no names or email addresses');
    await checkPage(visitor, 'you-said-we-did');
    await assertClean(visitor);
  });

  test('(h) the local offer: a personal adviser records a care leaver\'s entitlement; the Board reads take-up', { timeout: 180000 }, async () => {
    // An administrator reads the offer and finds a care leaver.
    const admin = { email: `offer.admin@${DOMAIN}`, role: 'admin' };
    run(['user', 'add', '--db', state.db, '--email', admin.email, '--role', 'admin'], { CORPARENT_PASSWORD: PASSWORD });
    const { page } = await newContext();
    await signInWithPassword(page, admin);
    await page.fill('#code', totp((await text(page, '.corparent-secret')).trim()));
    await submit(page, 'Continue');
    await page.getByRole('link', { name: 'Local offer', exact: true }).click();
    await settle(page);
    assert.equal(pathOf(page), '/offer');
    assert.ok(await page.locator('main svg[role="img"]').count() >= 1, 'take-up by area has its chart');
    await checkPage(page, 'offer');
    await goto(page, '/offer/catalogue');
    await checkPage(page, 'offer-catalogue');
    await page.locator('main a[href="/offer/catalogue/council_tax_exemption"]').click();
    await settle(page);
    await checkPage(page, 'offer-entitlement-edit');
    await goto(page, '/offer/young-people?group=care_leaver');
    await checkPage(page, 'offer-young-people-all');
    const leaver = await page.locator('main table tbody tr th a').first().getAttribute('href');
    assert.match(leaver, /^\/offer\/young-people\//, 'the list links a care leaver');
    const child = decodeURIComponent(leaver.split('/').pop());

    // A personal adviser is assigned to that care leaver by an import from the case-management system.
    const adviser = { email: `offer.adviser@${DOMAIN}`, role: 'worker' };
    run(['user', 'add', '--db', state.db, '--email', adviser.email, '--role', 'worker'], { CORPARENT_PASSWORD: PASSWORD });
    const file = path.join(state.tmp, 'take-up.csv');
    fs.writeFileSync(file, `CHILD,entitlement,status,date,adviser\n${child},care_leavers_awards,offered,01/03/2025,${adviser.email}\n`);
    const imported = run(['offer', 'import', '--db', state.db, file]);
    assert.match(imported, /stored 1 record, 0 held already; assigned 1 personal adviser/);

    // The adviser signs in, finds the care leaver on their caseload and records an entitlement.
    const { page: wp } = await newContext();
    await signInWithPassword(wp, adviser);
    await wp.fill('#code', totp((await text(wp, '.corparent-secret')).trim()));
    await submit(wp, 'Continue');
    await wp.getByRole('link', { name: 'Local offer', exact: true }).click();
    await settle(wp);
    await wp.getByRole('link', { name: "Your young people's entitlements" }).click();
    await settle(wp);
    assert.equal(pathOf(wp), '/offer/young-people');
    await checkPage(wp, 'offer-young-people');
    await wp.locator(`main table a[href="${leaver}"]`).click();
    await settle(wp);
    assert.equal(pathOf(wp), leaver);
    await checkPage(wp, 'offer-young-person');
    // A change without a status or a real date: the errors, at the top and beside the fields.
    await wp.selectOption('#entitlement', 'leisure_pass');
    await wp.fill('#date-day', '31');
    await wp.fill('#date-month', '2');
    await wp.fill('#date-year', '2025');
    await submit(wp, 'Record the change');
    const errors = await readErrorSummary(wp);
    assert.equal(errors.length, 2, `two errors: ${JSON.stringify(errors)}`);
    await checkPage(wp, 'offer-young-person-errors');
    await wp.check('#status-taken_up');
    await wp.fill('#date-day', '3');
    await wp.fill('#date-month', '3');
    await submit(wp, 'Record the change');
    assert.equal(pathOf(wp), leaver);
    assert.match(await text(wp, '.govuk-notification-banner'), /The change has been recorded/);
    assert.match(await text(wp, '#caption-history'), /Every record/);
    const history = await wp.locator('main table:has(#caption-history) tbody tr').allInnerTexts();
    assert.ok(history.some((r) => /3 March 2025/.test(r) && /Taken up/.test(r)), `the history has the change: ${history}`);
    await checkPage(wp, 'offer-young-person-recorded');
    // Another young person, not on the caseload, is refused.
    const other = await page.locator('main table tbody tr th a').nth(1).getAttribute('href');
    if (other && other !== leaver) assert.equal((await goto(wp, other)).status(), 403, 'a young person on no caseload of theirs');

    // A Board member reads take-up by area, with small numbers suppressed.
    const { page: bp } = await newContext();
    await signInWithPassword(bp, USERS.member);
    await bp.getByRole('link', { name: 'Local offer', exact: true }).click();
    await settle(bp);
    assert.match(await text(bp, 'main'), /are shown as c/);
    await checkPage(bp, 'offer-as-board-member');
    await assertClean(page);
    await assertClean(wp);
    await assertClean(bp);
  });

  test('the Board officer opens a meeting\'s pack and prints it; a Board member reads the Pledge report and the Scrutiny update', { timeout: 180000 }, async () => {
    const { page } = await newContext();
    await signInWithPassword(page, USERS.officer);
    // From a meeting to its pack.
    await goto(page, '/board/meetings');
    await page.locator('main table a[href^="/board/meetings/"]').first().click();
    await settle(page);
    await page.getByRole('link', { name: 'Board pack for this meeting' }).click();
    await settle(page);
    assert.match(pathOf(page), /^\/board\/papers\/meeting-\d+$/);
    assert.match(await text(page, 'h1'), /^Corporate Parenting Board, /);
    const headings = await page.locator('main h2').allInnerTexts();
    for (const h of ['Agenda', 'You said, We did', 'Measures against benchmarks', 'Survey headlines', 'Concerns handled'])
      assert.ok(headings.includes(h), `the pack has its ${h} section (has ${headings.join(' | ')})`);
    assert.ok(headings.some((h) => h.startsWith('Theme: ')), 'the pack has its themed section');
    assert.ok(await page.locator('main figure svg[role="img"]').count() >= 1, 'the pack has its charts');
    assert.ok(await page.locator('main p', { hasText: /^Source: / }).count() >= 3, 'figures carry their source and date');
    await checkPage(page, 'board-pack');
    // The PDF and the workbook, as the browser downloads them.
    const pdfHref = await page.locator('main a[href$=".pdf"]').first().getAttribute('href');
    const xlsxHref = await page.locator('main a[href$=".xlsx"]').first().getAttribute('href');
    const head = (href) => page.evaluate(async (h) => {
      const r = await fetch(h);
      const bytes = new Uint8Array(await r.arrayBuffer());
      return { status: r.status, type: r.headers.get('content-type'), start: String.fromCharCode(...bytes.slice(0, 5)), size: bytes.length };
    }, href);
    const pdf = await head(pdfHref);
    assert.deepEqual([pdf.status, pdf.type, pdf.start], [200, 'application/pdf', '%PDF-']);
    assert.ok(pdf.size > 20000, `the pack's PDF has its pages (${pdf.size} bytes)`);
    const xlsx = await head(xlsxHref);
    assert.equal(xlsx.status, 200);
    assert.equal(xlsx.start.slice(0, 2), 'PK', 'the tables as an Excel workbook');
    await assertClean(page);

    const { page: bp } = await newContext();
    await signInWithPassword(bp, USERS.member);
    await bp.getByRole('link', { name: 'Board papers', exact: true }).click();
    await settle(bp);
    assert.equal(pathOf(bp), '/board/papers');
    await checkPage(bp, 'board-papers');
    await bp.getByRole('link', { name: 'The Pledge: annual report' }).click();
    await settle(bp);
    assert.match(await text(bp, 'h1'), /^The Pledge: annual report/);
    assert.ok(await bp.locator('main h2', { hasText: /^1\. “/ }).count() === 1, 'a section per promise');
    await checkPage(bp, 'board-pledge-report');
    await goto(bp, '/board/papers/scrutiny-update');
    assert.ok((await bp.locator('main h2').allInnerTexts()).includes('Appendix 1: Pledge progress'));
    await checkPage(bp, 'board-scrutiny-update');
    await assertClean(bp);
  });

  test('axe-core: no violations on any page at 1280 and 390 pixels wide', async (t) => {
    const reached = [...axeResults.keys()].map((k) => k.split('@')[0]);
    for (const name of [...new Set([...EXPECTED_PAGES, ...reached])]) {
      for (const w of WIDTHS) {
        await t.test(`${name} at ${w.name}px`, () => {
          const key = `${name}@${w.name}`;
          const v = axeResults.get(key);
          assert.ok(v !== undefined, `${name} was not reached (an earlier journey failed)`);
          if (v instanceof Error) assert.fail(`axe-core could not run on ${name}: ${v.message}`);
          assert.equal(v.length, 0, `${v.length} axe-core violation(s) on ${name} at ${w.name}px:\n${describeViolations(v)}`);
        });
      }
    }
  });

  test('security headers and cookies were right on every response', () => {
    assert.ok(responsesChecked >= 50, `only ${responsesChecked} responses were checked`);
    assert.ok(sessionCookiesSeen >= 5, `only ${sessionCookiesSeen} session Set-Cookie headers were seen`);
    assert.deepEqual(allProblems, []);
  });

  test('the server stops on SIGTERM with exit code 0 within 10 s', async (t) => {
    assert.ok(state.child, 'the server was started');
    for (const c of state.contexts.splice(0)) await c.close();
    const t0 = Date.now();
    state.child.kill('SIGTERM');
    const result = await Promise.race([state.exited, sleep(10000).then(() => null)]);
    assert.ok(result, 'the server did not stop within 10 s of SIGTERM');
    assert.deepEqual(result, { code: 0, signal: null }, `the server stopped with ${JSON.stringify(result)}`);
    t.diagnostic(`the server stopped ${Date.now() - t0} ms after SIGTERM`);
  });
});
