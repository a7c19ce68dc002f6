// Validates electron-builder.yml against the JSON schema that app-builder-lib ships: the
// installers need downloads CI cannot make (tests/main/packaging/pack.test.ts packs as far as
// it can offline). Exits 1 with the schema errors otherwise.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import Ajv from 'ajv';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const config = parse(readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8')) as unknown;

const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
const validate = ajv.compile(schema);
if (!validate(config)) {
  console.error('electron-builder.yml does not match the app-builder-lib schema:');
  for (const error of validate.errors ?? []) console.error(`  ${error.instancePath || '/'} ${error.message ?? ''}`);
  process.exit(1);
}
console.log('electron-builder.yml matches the app-builder-lib schema.');
