// Neo4j's own parser and semantic analysis over Cypher statements, without a server.
// stdin: JSON [{name, text}]  stdout: JSON [{name, diagnostics: [{severity, message, line}]}]
// Severity 1 is an error, 2 a warning. Built-in function and procedure signatures are passed so
// that unknown functions are reported; APOC and GDS are left out: the project uses no plugins.
import { lintCypherQuery, isNotParamError, testData } from '@neo4j-cypher/language-support';

const noPlugins = (byLanguage) =>
  Object.fromEntries(
    Object.entries(byLanguage).map(([language, signatures]) => [
      language,
      Object.fromEntries(Object.entries(signatures).filter(([name]) => !/^(apoc|gds)\./.test(name))),
    ]),
  );

const dbSchema = {
  functions: noPlugins(testData.mockSchema.functions),
  procedures: noPlugins(testData.mockSchema.procedures),
  defaultLanguage: 'CYPHER 5',
};

let input = '';
for await (const chunk of process.stdin) input += chunk;
const results = JSON.parse(input).map(({ name, text }) => ({
  name,
  diagnostics: lintCypherQuery(text, dbSchema)
    .diagnostics.filter(isNotParamError)
    .map((d) => ({ severity: d.severity, message: d.message, line: d.range.start.line + 1 })),
}));
process.stdout.write(JSON.stringify(results));
