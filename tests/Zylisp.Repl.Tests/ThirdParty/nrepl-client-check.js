// Drives a Zylisp nREPL server with npm's nrepl-client, a third-party client written for Clojure's
// server, and prints what it saw as one JSON object for ThirdPartyClientTests to check.
// Usage: node nrepl-client-check.js PORT
const nrepl = require('nrepl-client');

const port = Number(process.argv[2]);
const conn = nrepl.connect({ port, host: '127.0.0.1', verbose: false });
const send = (msg) => new Promise((resolve, reject) => conn.send(msg, (err, msgs) => (err ? reject(err) : resolve(msgs))));
const field = (msgs, key) => msgs.filter((m) => m[key] !== undefined).map((m) => m[key]);
const statuses = (msgs) => msgs.flatMap((m) => m.status || []);

// nrepl-client ends a request at the first message with any status, so for an eval that is
// interrupted or fails, collect every message of that id until "done".
function evalUntilDone(msg) {
  return new Promise((resolve) => {
    const seen = [];
    conn.messageStream.on('messageSequence', function onSeq(id, msgs) {
      if (id !== msg.id) return;
      seen.push(...msgs);
      if (statuses(seen).includes('done')) {
        conn.messageStream.removeListener('messageSequence', onSeq);
        resolve(seen);
      }
    });
    conn.write(require('bencode').encode(msg), 'binary');
  });
}

conn.once('connect', async () => {
  const out = {};
  try {
    const describe = await send({ op: 'describe' });
    out.ops = Object.keys(describe[0].ops || {}).sort();
    const session = field(await send({ op: 'clone' }), 'new-session')[0];
    const other = field(await send({ op: 'clone' }), 'new-session')[0];
    const evaled = await evalUntilDone({ op: 'eval', id: 'e1', session, code: '(def x 20) (println "printed") (+ x 22)' });
    out.values = field(evaled, 'value');
    out.out = field(evaled, 'out').join('');
    const failed = await evalUntilDone({ op: 'eval', id: 'e2', session, code: '(/ 1 0)' });
    out.errorStatuses = statuses(failed);
    out.ex = field(failed, 'ex')[0];
    out.err = field(failed, 'err').join('');
    out.isolated = statuses(await evalUntilDone({ op: 'eval', id: 'e3', session: other, code: 'x' })).includes('eval-error');
    const loop = evalUntilDone({ op: 'eval', id: 'e4', session, code: '(loop [i 0] (recur (inc i)))' });
    await new Promise((r) => setTimeout(r, 300));
    out.interruptReply = statuses(await send({ op: 'interrupt', session, 'interrupt-id': 'e4' }));
    out.interruptedStatuses = statuses(await loop);
    const completions = await send({ op: 'completions', session, prefix: 'redu' });
    out.completions = (completions[0].completions || []).map((c) => c.candidate);
    const loaded = await evalUntilDone({ op: 'load-file', id: 'e5', session, file: '(defn sq [n] (* n n))\n(sq 7)', 'file-path': '/tmp/sq.zl', 'file-name': 'sq.zl' });
    out.loadFileValues = field(loaded, 'value');
    out.afterLoad = field(await evalUntilDone({ op: 'eval', id: 'e6', session, code: '(sq 6)' }), 'value');
    out.sessions = (await send({ op: 'ls-sessions' }))[0].sessions.length;
    out.closed = statuses(await send({ op: 'close', session: other }));
  } catch (e) {
    out.failure = String(e && e.stack || e);
  }
  process.stdout.write(JSON.stringify(out) + '\n');
  conn.end();
  process.exit(0);
});
conn.on('error', (e) => { process.stdout.write(JSON.stringify({ failure: String(e) }) + '\n'); process.exit(1); });
