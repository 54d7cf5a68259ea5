// Runs graphql-http's server audits against the URL given as the only argument and prints one JSON array:
// [{ "id": "4655", "name": "MUST accept application/json ...", "status": "ok" | "notice" | "warn" | "error",
//    "reason": "..." }]. ok: passed; error: a MUST failed; warn: a SHOULD; notice: a MAY.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <url of the GraphQL endpoint>');
  process.exit(2);
}
const results = await auditServer({ url });
const out = [];
for (const result of results) {
  out.push({
    id: result.id,
    name: result.name,
    status: result.status,
    reason: result.status === 'ok' ? undefined : result.reason,
    response: result.status === 'ok' || !result.response ? undefined
      : { status: result.response.status, body: await result.response.text().catch(() => '') },
  });
}
console.log(JSON.stringify(out));
