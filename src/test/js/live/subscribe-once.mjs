// GraphQLWsClientIT's client: the npm graphql-ws library, as a frontend uses it, against a running Parley.
// Usage: node subscribe-once.mjs <ws url> <token> <encounter id> <after cursor> <expired cursor>
// Prints one JSON line per step on stdout: {"step":"connected"}, {"step":"next",...}, {"step":"completed"},
// {"step":"expired",...}, {"step":"done"}. Exits 0 when all went through, 1 on an error, 2 after 60 s.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token, encounter, after, expired] = process.argv.slice(2);
const say = (step, more = {}) => console.log(JSON.stringify({ step, ...more }));
const fail = (why) => {
  console.error(why instanceof Error ? why.stack : JSON.stringify(why));
  process.exit(1);
};
setTimeout(() => fail('no end within 60 s'), 60_000).unref();

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: `Bearer ${token}` },
  lazy: false,
  retryAttempts: 0,
  on: { connected: () => say('connected') },
});

const statements = `subscription Statements($filter: StatementRecordedFilter, $after: String) {
  statementRecorded(filter: $filter, after: $after) { cursor operation statement { id text encounter { id } } }
}`;

// 1. a subscription that receives one event, then is completed by the client
await new Promise((resolve, reject) => {
  let stop = () => {};
  stop = client.subscribe(
    { query: statements, variables: { filter: { encounter }, after } },
    {
      next: (result) => {
        if (result.errors) {
          reject(result.errors);
          return;
        }
        say('next', { event: result.data.statementRecorded });
        stop(); // sends complete: the server stops the stream
      },
      error: reject,
      complete: () => {
        say('completed');
        resolve();
      },
    },
  );
}).catch(fail);

// 2. a stream the server ends: an expired cursor arrives as a coded error, then the server's complete
await new Promise((resolve, reject) => {
  const errors = [];
  client.subscribe(
    { query: statements, variables: { filter: { encounter }, after: expired } },
    {
      next: (result) => errors.push(...(result.errors ?? [])),
      error: reject,
      complete: () => {
        say('expired', { codes: errors.map((e) => e.extensions?.code) });
        resolve();
      },
    },
  );
}).catch(fail);

await client.dispose();
say('done');
process.exit(0);
