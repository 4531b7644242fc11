// The shape of a format description (format-2021.json, format-2019.json, or a custom one named in
// `.disclosure-report.json` `templates`), validated by zod (mini: see ../zod.ts), plus the
// cross-checks zod's shape cannot express (every relation names rows and columns that exist).
// A built-in template that fails here is a programming error in its data file; a custom one is
// reported by path and key (parseTemplate). scripts/generate.ts publishes this shape as
// schemas/template.schema.json, so template authors get completion and squiggles.
import * as z from '../zod';

const d = z.describe;
const id = z.string().check(z.minLength(1));
const match = z._default(z.array(z.string().check(z.minLength(1))), []);

export const columnSchema = z.object({
  id: id.check(d("The column's id: what relations name.")),
  label: z.string().check(z.minLength(1), d('The canonical label findings name the column by, e.g. 总计.')),
  match: match.check(d('Phrases that identify the column in a header line (table 二).')),
  kind: z
    ._default(z.enum(['count', 'signed', 'money']), 'count')
    .check(d('count: a non-negative integer; signed: an integer that may be negative; money: non-negative, decimals allowed.')),
  derived: z.optional(z.boolean().check(d('The column is computed from others (a 总计): fix-all rewrites it.'))),
});

export const rowSchema = z.object({
  id: id.check(d("The row's id: what relations name, e.g. 一, （七）, （三）2.")),
  label: z.string().check(z.minLength(1), d('The canonical label findings name the row by, e.g. （七）总计.')),
  match: match.check(d("Substrings that identify the row's label; the longest match wins.")),
  exact: z.optional(z.array(z.string()).check(d("Labels that must equal the row's text exactly, numbering removed (其他, 总计)."))),
  chapter: z.optional(z.string().check(d("The row's 一、二、四、 numbering."))),
  ordinal: z.optional(z.string().check(d('The （一）（二）（七） numbering of a row that stands alone.'))),
  group: z.optional(z.string().check(d("The group (（三）…（六）) a numbered sub-row belongs to: one of the block's groups."))),
  sub: z.optional(z.number().check(z.int(), z.positive(), d("The sub-row's number within its group (1. 2. …)."))),
  derived: z.optional(z.boolean().check(d('The row is computed from others (（七）总计): fix-all rewrites it.'))),
});

const sumRelation = z.object({
  kind: z.literal('sum'),
  code: z.enum(['row-total', 'column-total']).check(d('The finding code a broken instance is reported as.')),
  along: z
    .enum(['row', 'column'])
    .check(d('row: in every row, target column = Σ part columns; column: in every column, target row = Σ part rows.')),
  target: id.check(d('The total: a column id (along row) or a row id (along column).')),
  parts: z.array(id).check(z.minLength(1), d('What adds up to the target: column ids (along row) or row ids (along column).')),
});

const balanceRelation = z.object({
  kind: z.literal('balance'),
  code: z.literal('balance'),
  along: z.literal('column'),
  left: z.array(id).check(z.minLength(1), d('Row ids whose sum must equal the sum of `right`, in every column.')),
  right: z.array(id).check(z.minLength(1), d('Row ids whose sum must equal the sum of `left`, in every column.')),
  fixTarget: id.check(d('The row whose cell a (non-preferred) fix may set.')),
});

export const relationSchema = z.discriminatedUnion('kind', [sumRelation, balanceRelation]);

export const blockSchema = z.object({
  id: z.string().check(d("The block's id (table 二: 第二十条第（一）项 …); '' for a table of one block.")),
  label: z.string(),
  heading: z.optional(z.array(z.string()).check(d('Phrases that start the heading line introducing the block.'))),
  columns: z.array(columnSchema).check(z.minLength(1)),
  rows: z.array(rowSchema).check(z.minLength(1)),
  groups: z.optional(
    z
      .array(
        z.object({
          id,
          label: z.string(),
          match,
          oneRow: z.optional(
            z
              .boolean()
              .check(
                d(
                  'The group may be written as one row labelled by the group alone (the 2019 single （六）其他处理 kept under a 2021 table): that row stands for its sub-rows and is read as their sum; they are then not missing.',
                ),
              ),
          ),
        }),
      )
      .check(d('Row groups (（三）不予公开 …), for matching and outlines.')),
  ),
  relations: z.optional(z.array(relationSchema).check(d('The arithmetic the table must satisfy.'))),
});

export const tableSchema = z.object({
  id: z.enum(['二', '三', '四']).check(d('Which table of the report: findings name it so.')),
  section: z.number().check(z.int(), z.gte(1), z.lte(6), d('The section (1–6) the table stands in.')),
  title: z.string(),
  layout: z
    .enum(['rows', 'flat', 'blocks'])
    .check(d("rows: one text line per row; flat: all rows' cells on one line, row after row; blocks: table 二's 第二十条 blocks.")),
  blocks: z.array(blockSchema).check(z.minLength(1)),
});

export const templateSchema = z
  .object({
    $schema: z.optional(z.string()),
    $comment: z.optional(z.string()),
    id: z
      .string()
      .check(z.minLength(1), d("The format's id: what `format` names and the JSON output reports ('2021', 'provincial-2022' …).")),
    name: z.string().check(d('The document that defines the format, e.g. 国办公开办函〔2021〕30号.')),
    description: z.optional(
      z.object({ zh: z.string(), en: z.string() }).check(d('One line on the format and the reports that use it (the settings list it).')),
    ),
    years: z.tuple([z.number().check(z.int()), z.number().check(z.int())]).check(d('The report years the format applies to, inclusive.')),
    markers: z
      .array(z.string().check(z.minLength(1)))
      .check(z.minLength(1), d("Phrases only this format's tables contain: detection counts them.")),
    sections: z
      .array(z.object({ index: z.number().check(z.int(), z.gte(1)), key: z.string(), title: z.string(), match }))
      .check(z.minLength(1), d('The six sections, with the phrases that find their headings.')),
    tables: z.array(tableSchema).check(z.minLength(1)),
  })
  .check(
    z.superRefine((t, ctx) => {
      if (t.id === 'auto')
        ctx.addIssue({ code: 'custom', path: ['id'], message: "'auto' is not a format id (it means: detect the format)" });
      for (const table of t.tables) {
        for (const block of table.blocks) {
          const rows = new Set(block.rows.map((r) => r.id));
          const cols = new Set(block.columns.map((c) => c.id));
          const groups = new Set((block.groups ?? []).map((g) => g.id));
          const where = `table ${table.id} block '${block.id}'`;
          if (rows.size !== block.rows.length) ctx.addIssue({ code: 'custom', message: `${where}: duplicate row id` });
          if (cols.size !== block.columns.length) ctx.addIssue({ code: 'custom', message: `${where}: duplicate column id` });
          for (const r of block.rows) {
            if (r.group && !groups.has(r.group))
              ctx.addIssue({ code: 'custom', message: `${where}: row ${r.id} names unknown group ${r.group}` });
          }
          for (const rel of block.relations ?? []) {
            const check = (ref: string, axis: 'row' | 'column') => {
              if (!(axis === 'row' ? rows : cols).has(ref)) {
                ctx.addIssue({ code: 'custom', message: `${where}: relation ${rel.code} names unknown ${axis} ${ref}` });
              }
            };
            if (rel.kind === 'sum') {
              const axis = rel.along === 'row' ? 'column' : 'row';
              check(rel.target, axis);
              for (const p of rel.parts) check(p, axis);
            } else {
              for (const p of [...rel.left, ...rel.right, rel.fixTarget]) check(p, 'row');
            }
          }
        }
      }
    }),
  );

export type Template = z.infer<typeof templateSchema>;
export type TableTemplate = Template['tables'][number];
export type BlockTemplate = TableTemplate['blocks'][number];
export type RowTemplate = BlockTemplate['rows'][number];
export type ColumnTemplate = BlockTemplate['columns'][number];
export type Relation = z.infer<typeof relationSchema>;

/** Validates a template: the template, or every problem as "key: message". */
export function parseTemplate(data: unknown): { template?: Template; errors: string[] } {
  const r = templateSchema.safeParse(data);
  if (r.success) return { template: r.data, errors: [] };
  return { errors: r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`) };
}

/** Validates a built-in template; throws with every problem listed when it is malformed. */
export function loadTemplate(data: unknown, source: string): Template {
  const r = parseTemplate(data);
  if (!r.template) throw new Error(`${source}: invalid format template:\n${r.errors.map((e) => `  ${e}`).join('\n')}`);
  return r.template;
}
