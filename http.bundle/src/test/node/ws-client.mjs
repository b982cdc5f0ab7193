// Picogate's WebSocket server (WebSocketEchoServer: /echo, subprotocol echo.v1, messages up to 64 KiB echoed)
// against the npm 'ws' client. Run by WebSocketNodeClientTest: node ws-client.mjs <port>
// Prints "ok <step>" per step and "all ok" at the end; exits 1 on the first failure, 2 if a step hangs.
import WebSocket from 'ws';

const port = Number(process.argv[2]);
const url = `ws://127.0.0.1:${port}/echo`;
setTimeout(() => { console.log('FAIL: a step hung'); process.exit(2); }, 30_000).unref();

function fail(why) {
  console.log(`FAIL: ${why}`);
  process.exit(1);
}

function expect(what, actual, wanted) {
  if (actual !== wanted) fail(`${what}: got ${JSON.stringify(actual)}, wanted ${JSON.stringify(wanted)}`);
}

/** Opens a socket and hands out its events one at a time, in order. */
function open(protocols) {
  const ws = new WebSocket(url, protocols);
  const queue = [];
  const waiters = [];
  const push = (event) => (waiters.length ? waiters.shift()(event) : queue.push(event));
  ws.on('open', () => push({ type: 'open' }));
  ws.on('message', (data, isBinary) => push({ type: isBinary ? 'binary' : 'text', data }));
  ws.on('pong', (data) => push({ type: 'pong', data }));
  ws.on('close', (code, reason) => push({ type: 'close', code, reason: reason.toString() }));
  ws.on('error', (error) => push({ type: 'error', error: String(error) }));
  const next = () => new Promise((resolve) => (queue.length ? resolve(queue.shift()) : waiters.push(resolve)));
  return { ws, next };
}

async function exchange() {
  const { ws, next } = open(['echo.v1']);
  expect('open', (await next()).type, 'open');
  expect('subprotocol', ws.protocol, 'echo.v1');
  console.log('ok handshake');

  ws.send('hello from node ✓');
  let e = await next();
  expect('text type', e.type, 'text');
  expect('text', e.data.toString(), 'hello from node ✓');
  console.log('ok text');

  const bytes = Buffer.alloc(60_000); // the 16-bit length form, and several reads on the server
  for (let i = 0; i < bytes.length; i++) bytes[i] = i % 251;
  ws.send(bytes);
  e = await next();
  expect('binary type', e.type, 'binary');
  expect('binary', Buffer.compare(e.data, bytes), 0);
  console.log('ok binary');

  ws.send('frag', { fin: false });
  ws.ping('in between');
  ws.send('men', { fin: false });
  ws.send('ted', { fin: true });
  e = await next();
  expect('pong type', e.type, 'pong');
  expect('pong', e.data.toString(), 'in between');
  e = await next();
  expect('fragmented', e.data.toString(), 'fragmented');
  console.log('ok fragmented with a ping inside');

  ws.close(1000, 'bye');
  e = await next();
  expect('close type', e.type, 'close');
  expect('close code', e.code, 1000);
  console.log('ok close');
}

async function serverCloses() {
  const { ws, next } = open(['echo.v1']);
  expect('open', (await next()).type, 'open');
  ws.send('close please');
  const e = await next();
  expect('close type', e.type, 'close');
  expect('close code', e.code, 1000);
  expect('close reason', e.reason, 'as you wish');
  console.log('ok server-started close');
}

async function tooBig() {
  const { ws, next } = open(['echo.v1']);
  expect('open', (await next()).type, 'open');
  ws.send(Buffer.alloc(64 * 1024 + 1));
  const e = await next();
  expect('close type', e.type, 'close');
  expect('close code', e.code, 1009);
  console.log('ok too big: 1009');
}

async function unmasked() {
  const { ws, next } = open(['echo.v1']);
  expect('open', (await next()).type, 'open');
  ws.send('no mask', { mask: false });
  const e = await next();
  // ws itself checks what the server sends; a close 1002 from the server is what RFC 6455 5.1 asks for
  expect('close type', e.type, 'close');
  expect('close code', e.code, 1002);
  console.log('ok unmasked: 1002');
}

await exchange();
await serverCloses();
await tooBig();
await unmasked();
console.log('all ok');
