// Runs the GraphQL over HTTP audits of npm `graphql-http` against a running server and prints
// one JSON list of {id, name, status, reason}: status "ok", "warn" (a SHOULD not met) or
// "error" (a MUST not met). Usage: node graphql_http_audit.mjs http://127.0.0.1:PORT/graphql
import { serverAudits } from "graphql-http";

const url = process.argv[2];
const results = [];
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const result = await audit.fn();
  results.push({ id: audit.id, name: audit.name, status: result.status, reason: result.reason });
}
console.log(JSON.stringify(results));
