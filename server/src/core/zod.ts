// zod for the core: the tree-shakable "mini" build with English messages. The classic `zod`
// import bundles every locale (~440 KB minified); mini with `en` gives the same checks and the
// same messages for a fraction of that. Use it as `import * as z from './zod'` and only with
// static member access (z.object, z.infer …): passing the namespace around as a value would keep
// all of zod in the bundle.
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
