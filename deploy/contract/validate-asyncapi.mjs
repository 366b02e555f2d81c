// Validates an AsyncAPI document with the official parser (@asyncapi/parser and its rules), then checks every message
// example against its message's payload schema (the parser does not), with Ajv as the parser itself uses it.
// Prints each problem and one summary line; exits 1 on any error.
import { readFileSync } from 'node:fs';
import { Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const file = process.argv[2];
const { document, diagnostics } = await new Parser().parse(readFileSync(file, 'utf8'));
const severities = ['error', 'warning', 'info', 'hint'];
for (const d of diagnostics) {
  console.log(`${severities[d.severity]} ${d.code} ${d.path.join('.')}: ${d.message}`);
}
let errors = diagnostics.filter((d) => d.severity === 0).length;
if (!document) {
  console.log(`${errors} errors: the document could not be read`);
  process.exit(1);
}
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const names = [];
let examples = 0;
for (const message of document.allMessages().all()) {
  names.push(message.name());
  const validate = ajv.compile(message.payload().json());
  for (const example of message.examples().all()) {
    examples++;
    if (!validate(example.payload())) {
      errors++;
      console.log(`error example of ${message.name()}: ${ajv.errorsText(validate.errors)}`);
    }
  }
  if (message.examples().all().length === 0) {
    errors++;
    console.log(`error ${message.name()} has no example`);
  }
}
console.log(`messages: ${names.join(' ')}`);
console.log(`${errors} errors; ${document.allChannels().length} channels, ${document.allOperations().length} operations, `
  + `${names.length} messages, ${examples} examples checked`);
process.exit(errors === 0 ? 0 : 1);
