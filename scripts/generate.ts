// `npm run generate`: writes the files that derive from the rule list (server/src/core/rules/index.ts)
// and the format templates (server/src/core/templates/), so that they cannot disagree with them:
//   package.json                 the `disclosureReport.format` enum, one `disclosureReport.rules` entry
//                                per rule, and contributes.jsonValidation for the two schemas below
//   package.nls.json, package.nls.zh-cn.json   the keys under `disclosureReport.generated.`
//   schemas/disclosure-report.schema.json      the JSON Schema of `.disclosure-report.json`
//   schemas/template.schema.json               the JSON Schema of a format template (custom formats)
// test/unit/generated.test.ts fails when a file differs from what this script would write (the
// way markdownlint's CI ends in `git diff --exit-code`). It reads the core's data, and nothing else
// of the server: that is the one import of server/ a script may make (ARCHITECTURE.md).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toJSONSchema } from 'zod/mini';
import {
  CONFIG_FILE_NAME,
  configSchema,
  REPOSITORY_URL,
  RULE_INFO,
  RULE_SETTINGS,
  TEMPLATES,
  templateSchema,
} from '../server/src/core/index';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GENERATED = 'disclosureReport.generated.';
/** where the schemas are published, for `$schema` in a user's files */
const SCHEMA_URL = `${REPOSITORY_URL.replace('https://github.com/', 'https://raw.githubusercontent.com/')}/main/schemas/`;
export const CONFIG_SCHEMA_FILE = 'schemas/disclosure-report.schema.json';
export const TEMPLATE_SCHEMA_FILE = 'schemas/template.schema.json';
/** a template file of this name gets the template schema in VS Code without a `$schema` key */
export const TEMPLATE_FILE_MATCH = '*.disclosure-format.json';

type Json = Record<string, unknown>;
const read = (file: string): Json => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));

const formatIds = () => ['auto', ...TEMPLATES.map((t) => t.id)];
const formatText = (lang: 'zh' | 'en') => (t: (typeof TEMPLATES)[number]) => t.description?.[lang] ?? t.name;

function manifest(): Json {
  const pkg = read('package.json');
  const contributes = pkg.contributes as Json;
  const properties = (contributes.configuration as { properties: Record<string, Json> }).properties;
  properties['disclosureReport.format'] = {
    ...properties['disclosureReport.format'],
    enum: formatIds(),
    enumDescriptions: ['%disclosureReport.format.auto%', ...TEMPLATES.map((t) => `%${GENERATED}format.${t.id}%`)],
  };
  properties['disclosureReport.rules'] = {
    ...properties['disclosureReport.rules'],
    properties: Object.fromEntries(
      RULE_INFO.map((r) => [
        r.code,
        {
          type: 'string',
          enum: [...RULE_SETTINGS],
          enumDescriptions: RULE_SETTINGS.map((s) => `%disclosureReport.severity.${s}%`),
          default: r.severity,
          markdownDescription: `%${GENERATED}rule.${r.code}%`,
        },
      ]),
    ),
  };
  contributes.jsonValidation = [
    { fileMatch: CONFIG_FILE_NAME, url: `./${CONFIG_SCHEMA_FILE}` },
    { fileMatch: TEMPLATE_FILE_MATCH, url: `./${TEMPLATE_SCHEMA_FILE}` },
  ];
  return pkg;
}

function nls(file: string, lang: 'zh' | 'en'): Json {
  const own = Object.entries(read(file)).filter(([k]) => !k.startsWith(GENERATED));
  return Object.fromEntries([
    ...own,
    ...TEMPLATES.map((t) => [`${GENERATED}format.${t.id}`, formatText(lang)(t)]),
    ...RULE_INFO.map((r) => [`${GENERATED}rule.${r.code}`, r.description[lang]]),
  ]);
}

function configJsonSchema(): Json {
  const schema = toJSONSchema(configSchema, { io: 'input', target: 'draft-7' }) as Json;
  const properties = schema.properties as Record<string, Json>;
  properties.rules = {
    description: properties.rules.description,
    type: 'object',
    properties: Object.fromEntries(
      RULE_INFO.map((r) => [r.code, { enum: [...RULE_SETTINGS], default: r.severity, description: r.description.en }]),
    ),
    additionalProperties: false,
  };
  properties.format = {
    description: properties.format.description,
    default: 'auto',
    anyOf: [
      { enum: formatIds(), enumDescriptions: ["Detect the format from the report's text.", ...TEMPLATES.map(formatText('en'))] },
      { type: 'string', minLength: 1, description: 'The id of a format in templates.' },
    ],
  };
  const { $schema, ...rest } = schema;
  return { $schema, $id: `${SCHEMA_URL}disclosure-report.schema.json`, title: CONFIG_FILE_NAME, ...rest };
}

function templateJsonSchema(): Json {
  const schema = toJSONSchema(templateSchema, { io: 'input', target: 'draft-7' }) as Json;
  const { $schema, ...rest } = schema;
  return { $schema, $id: `${SCHEMA_URL}template.schema.json`, title: 'disclosure-report format template', ...rest };
}

/** Every generated file: its path (relative to the repository) and its content as JSON. */
export function generatedFiles(): Record<string, Json> {
  return {
    'package.json': manifest(),
    'package.nls.json': nls('package.nls.json', 'en'),
    'package.nls.zh-cn.json': nls('package.nls.zh-cn.json', 'zh'),
    [CONFIG_SCHEMA_FILE]: configJsonSchema(),
    [TEMPLATE_SCHEMA_FILE]: templateJsonSchema(),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [file, content] of Object.entries(generatedFiles())) {
    mkdirSync(dirname(join(ROOT, file)), { recursive: true });
    writeFileSync(join(ROOT, file), `${JSON.stringify(content, null, 2)}\n`);
    console.log(`wrote ${file}`);
  }
}
