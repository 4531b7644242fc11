// The shape of a format description (format-2021.json, format-2019.json, or a custom one named in
// `.disclosure-report.json` `templates`), validated by zod (mini: see ../zod.ts), plus the
// cross-checks zod's shape cannot express (every relation names rows and columns that exist).
// A built-in template that fails here is a programming error in its data file; a custom one is
// reported by path and key (parseTemplate). scripts/generate.ts publishes this shape as
// schemas/template.schema.json, so template authors get completion and squiggles.
import * as z from '../zod';

const id = z.string().check(z.minLength(1));
const match = z._default(z.array(z.string().check(z.minLength(1))), []);

export const columnSchema = z.object({
  id,
  label: z.string().check(z.minLength(1)),
  match,
  kind: z._default(z.enum(['count', 'signed', 'money']), 'count'),
  derived: z.optional(z.boolean()),
});

export const rowSchema = z.object({
  id,
  label: z.string().check(z.minLength(1)),
  /** substrings that identify the row's label (the longest match wins) */
  match,
  /** labels that must equal the row's text exactly, after numbering is removed (e.g. 其他, 总计) */
  exact: z.optional(z.array(z.string())),
  /** 一、二、四、 numbering */
  chapter: z.optional(z.string()),
  /** （一）（二）（七） numbering of a row that stands alone */
  ordinal: z.optional(z.string()),
  /** the group (（三）…（六）) a numbered sub-row belongs to, and its number */
  group: z.optional(z.string()),
  sub: z.optional(z.number().check(z.int(), z.positive())),
  derived: z.optional(z.boolean()),
});

const sumRelation = z.object({
  kind: z.literal('sum'),
  code: z.enum(['row-total', 'column-total']),
  /** row: in every row, target column = Σ part columns; column: in every column, target row = Σ part rows */
  along: z.enum(['row', 'column']),
  target: id,
  parts: z.array(id).check(z.minLength(1)),
});

const balanceRelation = z.object({
  kind: z.literal('balance'),
  code: z.literal('balance'),
  along: z.literal('column'),
  left: z.array(id).check(z.minLength(1)),
  right: z.array(id).check(z.minLength(1)),
  /** the cell a (non-preferred) fix may set */
  fixTarget: id,
});

export const relationSchema = z.discriminatedUnion('kind', [sumRelation, balanceRelation]);

export const blockSchema = z.object({
  id: z.string(),
  label: z.string(),
  heading: z.optional(z.array(z.string())),
  columns: z.array(columnSchema).check(z.minLength(1)),
  rows: z.array(rowSchema).check(z.minLength(1)),
  groups: z.optional(z.array(z.object({ id, label: z.string(), match }))),
  relations: z.optional(z.array(relationSchema)),
});

export const tableSchema = z.object({
  id: z.enum(['二', '三', '四']),
  section: z.number().check(z.int(), z.gte(1), z.lte(6)),
  title: z.string(),
  /** rows: one text line per row; flat: all rows' cells on one line, row after row; blocks: 第二十条 blocks */
  layout: z.enum(['rows', 'flat', 'blocks']),
  blocks: z.array(blockSchema).check(z.minLength(1)),
});

export const templateSchema = z
  .object({
    $schema: z.optional(z.string()),
    $comment: z.optional(z.string()),
    /** the format's id: what `format` names and JSON output reports ('2021', 'provincial-2022' …) */
    id: z.string().check(z.minLength(1)),
    name: z.string(),
    /** one line on what the format is and which reports use it, for the settings' format list */
    description: z.optional(z.object({ zh: z.string(), en: z.string() })),
    /** report years this format applies to, inclusive */
    years: z.tuple([z.number().check(z.int()), z.number().check(z.int())]),
    /** phrases that only this format's tables contain */
    markers: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
    sections: z
      .array(z.object({ index: z.number().check(z.int(), z.gte(1)), key: z.string(), title: z.string(), match }))
      .check(z.minLength(1)),
    tables: z.array(tableSchema).check(z.minLength(1)),
  })
  .check(
    z.superRefine((t, ctx) => {
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
