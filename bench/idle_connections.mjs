// Holds many idle keep-alive connections open to a server, as slow or idle browsers do.
//
//   node bench/idle_connections.mjs --host 127.0.0.1 --port 8080 --count 500 --seconds 15
//
// Opens COUNT TCP connections (at most 100 connecting at once), sends one keep-alive GET /health on each
// and reads its answer, then keeps them all open, idle, for SECONDS. Prints a line starting "READY" once
// every connection is open and answered (or has failed), so a script can measure the server meanwhile,
// and at the end how many stayed open. Exits 0 if every connection was answered 200 and stayed open, 1
// otherwise. Uses only what Node 18 has.
import net from 'node:net';

function parseArgs(argv) {
  const o = { host: '127.0.0.1', port: 0, count: 500, seconds: 15, path: '/health' };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    if (!(name in o) || i + 1 >= argv.length) {
      console.error(`usage: idle_connections.mjs --host H --port P [--count N] [--seconds S] [--path /health] (bad: ${argv[i]})`);
      process.exit(2);
    }
    const v = argv[++i];
    o[name] = typeof o[name] === 'number' ? Number(v) : v;
  }
  if (!o.port) {
    console.error('idle_connections.mjs: --port is required');
    process.exit(2);
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const conns = [];   // { socket, answered, status, closed, error }

// One connection: connect, send the request, resolve once the whole answer is in (or on failure).
function open() {
  return new Promise((resolve) => {
    const c = { socket: null, answered: false, status: 0, closed: false, error: '' };
    conns.push(c);
    let buffer = Buffer.alloc(0);
    let settled = false;
    const done = () => {
      if (!settled) {
        settled = true;
        resolve();
      }
    };
    const s = net.connect({ host: opts.host, port: opts.port });
    c.socket = s;
    s.setNoDelay(true);
    s.setTimeout(20000, () => {
      if (!c.answered) {
        c.error = 'no answer within 20 s';
        done();
      }
    });
    s.on('connect', () => {
      s.write(`GET ${opts.path} HTTP/1.1\r\nHost: ${opts.host}:${opts.port}\r\nConnection: keep-alive\r\n\r\n`);
    });
    s.on('data', (chunk) => {
      if (c.answered) return;
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffer.subarray(0, end).toString('latin1');
      const length = Number((/\r\ncontent-length:\s*(\d+)/i.exec(head) || [])[1] || 0);
      if (buffer.length < end + 4 + length) return;
      c.status = Number(head.split(' ')[1]);
      c.answered = true;
      s.setTimeout(0);
      done();
    });
    s.on('error', (e) => {
      c.error = e.code || e.message;
      done();
    });
    s.on('close', () => {
      c.closed = true;
      done();
    });
  });
}

const started = Date.now();
let next = 0;
async function opener() {
  while (next < opts.count) {
    next++;
    await open();
  }
}
await Promise.all(Array.from({ length: Math.min(100, opts.count) }, opener));

const answered = conns.filter((c) => c.answered && c.status === 200).length;
const openNow = () => conns.filter((c) => !c.closed).length;
const errors = [...new Set(conns.filter((c) => c.error).map((c) => c.error))];
console.log(`READY ${openNow()} open, ${answered} answered ${opts.path} with 200, of ${opts.count}, in ${Date.now() - started} ms` +
  (errors.length ? ` (errors: ${errors.join(', ')})` : ''));

await new Promise((r) => setTimeout(r, opts.seconds * 1000));

const stayed = openNow();
console.log(`idle connections: ${opts.count} opened, ${answered} answered ${opts.path}, ${stayed} still open after ${opts.seconds} s`);
for (const c of conns) c.socket.destroy();
process.exit(answered === opts.count && stayed === opts.count ? 0 : 1);
