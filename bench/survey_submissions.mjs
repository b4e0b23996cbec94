// Many children answering the survey at once: each child (one per code) opens the form, types their code,
// answers every page (the first answer of each question, a sentence in their own words) and sends it, all
// children at the same time. Prints the latency of every request (p50, p90, p99, max), how long the
// complete surveys took, and how many were sent; exits 1 if any request failed.
//
//   node bench/survey_submissions.mjs --base http://127.0.0.1:PORT --codes codes.txt
import fs from 'node:fs';
import http from 'node:http';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  if (i < 0 || i + 1 >= args.length) throw new Error(`${name} is needed`);
  return args[i + 1];
};
const base = new URL(option('--base'));
const codes = fs.readFileSync(option('--codes'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);

const latencies = [];
let failures = 0;
const problems = [];

function request(agent, cookies, method, path, form) {
  const body = form ? new URLSearchParams(form).toString() : '';
  const headers = { Cookie: Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ') };
  if (form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    headers['Content-Length'] = Buffer.byteLength(body);
  }
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request({ host: base.hostname, port: base.port, method, path, headers, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        for (const c of [].concat(res.headers['set-cookie'] || [])) {
          const [pair] = c.split(';');
          const eq = pair.indexOf('=');
          const name = pair.slice(0, eq), value = pair.slice(eq + 1);
          if (/Max-Age=0/.test(c)) delete cookies[name];
          else cookies[name] = value;
        }
        resolve({ status: res.statusCode, location: res.headers.location || '', text });
      });
    });
    req.on('error', reject);
    req.setTimeout(60000, () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

// The fields of one survey page: the first answer of every radio group, a sentence in each text box.
function answers(html, csrf) {
  const form = { csrf };
  for (const m of html.matchAll(/<input class="govuk-radios__input" id="[^"]*" name="([^"]+)" type="radio" value="([^"]+)"/g))
    if (!(m[1] in form)) form[m[1]] = m[2];
  for (const m of html.matchAll(/<textarea class="govuk-textarea[^"]*" id="([^"]+)" name="([^"]+)"/g))
    if (m[2] !== 'contact' && m[2] !== 'talk-about') form[m[2]] = 'More trips out in the holidays, and wifi that works';
  if (/Send my answers/.test(html)) {
    form.talk = 'no';
    form.send = 'yes';
  }
  return form;
}

async function child(code) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const cookies = {};
  const expect = (r, status, what) => {
    if (r.status !== status) throw new Error(`${what}: ${r.status} ${r.location} ${r.text.slice(0, 200)}`);
  };
  const started = process.hrtime.bigint();
  try {
    const start = await request(agent, cookies, 'GET', '/survey');
    expect(start, 200, 'GET /survey');
    const csrf = start.text.match(/name="csrf" value="([^"]+)"/)[1];
    let r = await request(agent, cookies, 'POST', '/survey', { csrf, code, language: 'en' });
    expect(r, 303, 'POST /survey');
    let path = new URL(r.location, base).pathname;
    for (let guard = 0; guard < 40; guard++) {
      const page = await request(agent, cookies, 'GET', path);
      expect(page, 200, `GET ${path}`);
      r = await request(agent, cookies, 'POST', path, answers(page.text, csrf));
      expect(r, 303, `POST ${path}`);
      path = new URL(r.location, base).pathname;
      if (path === '/survey/sent') return Number(process.hrtime.bigint() - started) / 1e6;
    }
    throw new Error('the form never ended');
  } finally {
    agent.destroy();
  }
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const began = Date.now();
const results = await Promise.allSettled(codes.map((c) => child(c)));
const seconds = (Date.now() - began) / 1000;
const surveys = [];
for (const r of results) {
  if (r.status === 'fulfilled') surveys.push(r.value);
  else {
    failures++;
    if (problems.length < 5) problems.push(r.reason.message);
  }
}
latencies.sort((a, b) => a - b);
surveys.sort((a, b) => a - b);
console.log(`children: ${codes.length} at once; surveys sent: ${surveys.length}; failed: ${failures}`);
console.log(`requests: ${latencies.length} in ${seconds.toFixed(1)} s (${(latencies.length / seconds).toFixed(0)}/s)`);
console.log(`request latency ms: p50 ${pct(latencies, 50).toFixed(1)}, p90 ${pct(latencies, 90).toFixed(1)}, p99 ${pct(latencies, 99).toFixed(1)}, max ${latencies[latencies.length - 1].toFixed(1)}`);
if (surveys.length)
  console.log(`whole survey ms: p50 ${pct(surveys, 50).toFixed(0)}, p99 ${pct(surveys, 99).toFixed(0)}, max ${surveys[surveys.length - 1].toFixed(0)}`);
for (const p of problems) console.log(`problem: ${p}`);
process.exit(failures ? 1 : 0);
