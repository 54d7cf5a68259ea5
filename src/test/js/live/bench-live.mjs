// bench/subscriptions.sh's clients, on the npm graphql-ws library. Three commands:
//   node bench-live.mjs setup <http url> <private key pem> <encounters> > config.json
//       mints an editor token, records <encounters> encounters to write at; prints the configuration
//   node bench-live.mjs subscribe <config.json> <ws url>,<ws url>... <subscribers> <written.json> [warm.json]
//       opens <subscribers> sockets, spread over the urls, each subscribed to the statements of one encounter; on
//       SIGINT compares what each received with what the writer wrote (written.json) and prints the figures; the
//       events of the warm-up's statements (warm.json) are left out of every figure
//   node bench-live.mjs write <config.json> <http url>,<http url>... <per second> <seconds> > written.json
//       records statements at that rate, spread over the encounters and the urls; prints what was written
import { createSign, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [command, ...args] = process.argv.slice(2);
const log = (...what) => console.error(new Date().toISOString(), ...what);

async function graphql(url, token, query, variables) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

function token(privateKeyPem) {
  const b64url = (text) => Buffer.from(text).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const claims = b64url(JSON.stringify({ iss: 'parley-bench', sub: 'subscriptions-bench', upn: 'subscriptions-bench',
    groups: ['editor'], iat: now, exp: now + 3600 }));
  const signature = createSign('RSA-SHA256').update(`${head}.${claims}`).sign(privateKeyPem).toString('base64url');
  return `${head}.${claims}.${signature}`;
}

async function setup([url, keyFile, count]) {
  const bearer = token(readFileSync(keyFile, 'utf8'));
  const ids = await graphql(url, bearer, '{ actor(name: "Kim Jong-un") { id } sources(first: 1) { nodes { id } } }');
  const actor = ids.actor.id;
  const source = ids.sources.nodes[0].id;
  const encounters = [];
  for (let i = 0; i < Number(count); i++) {
    const recorded = await graphql(url, bearer, `mutation($input: RecordEncounterInput!) {
      recordEncounter(input: $input) { encounter { id } userErrors { message } } }`, { input: {
      kind: 'MEETING', title: `Subscriptions bench ${i} ${randomUUID().slice(0, 8)}`, status: 'PLANNED',
      participants: [{ actor, role: 'GUEST' }], attestations: [{ source, excerpt: 'subscriptions bench' }] } });
    if (recorded.recordEncounter.userErrors.length) throw new Error(JSON.stringify(recorded.recordEncounter.userErrors));
    encounters.push(recorded.recordEncounter.encounter.id);
  }
  console.log(JSON.stringify({ token: bearer, actor, source, encounters }));
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null;
}

async function subscribe([configFile, urls, count, writtenFile, warmFile]) {
  const config = JSON.parse(readFileSync(configFile, 'utf8'));
  const servers = urls.split(',');
  const subscribers = [];
  let connected = 0;
  const query = `subscription($filter: StatementRecordedFilter) {
    statementRecorded(filter: $filter) { at statement { id } } }`;
  for (let i = 0; i < Number(count); i++) {
    const subscriber = { encounter: config.encounters[i % config.encounters.length], received: new Map(),
      latencies: new Map(), errors: [], closed: [] };
    const client = createClient({
      url: servers[i % servers.length],
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${config.token}` },
      lazy: false,
      retryAttempts: 0,
      keepAlive: 0,
      on: { connected: () => connected++, closed: (event) => subscriber.closed.push(event.code) },
    });
    client.subscribe({ query, variables: { filter: { encounter: subscriber.encounter } } }, {
      next: (result) => {
        const now = Date.now();
        if (result.errors) {
          subscriber.errors.push(...result.errors.map((e) => e.extensions?.code ?? e.message));
          return;
        }
        const event = result.data.statementRecorded;
        if (!event.statement) return;
        subscriber.received.set(event.statement.id, (subscriber.received.get(event.statement.id) ?? 0) + 1);
        if (!subscriber.latencies.has(event.statement.id)) {
          subscriber.latencies.set(event.statement.id, now - Date.parse(event.at));
        }
      },
      error: (error) => subscriber.errors.push(String(error?.code ?? error?.message ?? error)),
      complete: () => {},
    });
    subscribers.push({ subscriber, client });
    if (i % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 20)); // no storm of handshakes
  }
  const report = setInterval(() => log(`${connected} of ${count} connected`), 5000);
  process.on('SIGINT', () => {
    clearInterval(report);
    const written = JSON.parse(readFileSync(writtenFile, 'utf8'));
    const warm = new Set(warmFile ? JSON.parse(readFileSync(warmFile, 'utf8')).statements.map((s) => s.id) : []);
    let expected = 0;
    let lost = 0;
    let duplicates = 0;
    let unexpected = 0;
    const latencies = [];
    const errors = new Map();
    const closes = new Map();
    for (const { subscriber } of subscribers) {
      const mine = written.statements.filter((s) => s.encounter === subscriber.encounter).map((s) => s.id);
      expected += mine.length;
      for (const id of mine) {
        const times = subscriber.received.get(id) ?? 0;
        if (times === 0) lost++;
        if (times > 1) duplicates += times - 1;
        if (times > 0) latencies.push(subscriber.latencies.get(id));
      }
      for (const id of subscriber.received.keys()) if (!mine.includes(id) && !warm.has(id)) unexpected++;
      for (const e of subscriber.errors) errors.set(e, (errors.get(e) ?? 0) + 1);
      for (const c of subscriber.closed) closes.set(c, (closes.get(c) ?? 0) + 1);
    }
    latencies.sort((a, b) => a - b);
    console.log(JSON.stringify({
      subscribers: subscribers.length, connected, written: written.statements.length, failedWrites: written.failed,
      expectedDeliveries: expected, delivered: latencies.length, lost, duplicates, unexpected,
      latencyMs: { p50: percentile(latencies, 50), p90: percentile(latencies, 90), p99: percentile(latencies, 99),
        max: latencies[latencies.length - 1] ?? null },
      errors: Object.fromEntries(errors), closeCodes: Object.fromEntries(closes),
    }));
    for (const { client } of subscribers) client.dispose();
    setTimeout(() => process.exit(0), 500);
  });
}

async function write([configFile, urls, perSecond, seconds]) {
  const config = JSON.parse(readFileSync(configFile, 'utf8'));
  const servers = urls.split(',');
  const total = Number(perSecond) * Number(seconds);
  const interval = 1000 / Number(perSecond);
  const statements = [];
  let failed = 0;
  const pending = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = start + i * interval - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const encounter = config.encounters[i % config.encounters.length];
    pending.push(graphql(servers[i % servers.length], config.token, `mutation($input: RecordStatementInput!) {
      recordStatement(input: $input) { statement { id } userErrors { message } } }`, { input: {
      text: `Subscriptions bench statement ${i}`, mode: 'PARAPHRASE', kind: 'ASSESSMENT', speaker: config.actor,
      encounter, attestations: [{ source: config.source, excerpt: 'subscriptions bench' }] } }).then((data) => {
      if (data.recordStatement.userErrors.length) throw new Error(JSON.stringify(data.recordStatement.userErrors));
      statements.push({ id: data.recordStatement.statement.id, encounter });
    }).catch((error) => {
      failed++;
      log('write failed:', error.message);
    }));
  }
  await Promise.all(pending);
  const took = (performance.now() - start) / 1000;
  log(`${statements.length} statements written in ${took.toFixed(1)} s (${failed} failed)`);
  console.log(JSON.stringify({ statements, failed, seconds: took }));
}

const commands = { setup, subscribe, write };
if (!commands[command]) {
  console.error('usage: node bench-live.mjs setup|subscribe|write ...');
  process.exit(2);
}
await commands[command](args);
