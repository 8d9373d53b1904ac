// zod as the browser loads it: configured for the page's CSP, and its core
// on its own. Browser code that uses zod imports this module before zod.
//
// jitless: zod 4 probes for eval support with `new Function("")` when it
// creates an object schema, to compile a faster parser. The page's CSP has
// no 'unsafe-eval' (lib/server/security-headers.ts), so in the browser that
// probe is a CSP violation. The setting is global and read when a schema is
// created, so it must run before anyone creates one: lib/token-schema.ts and
// components/reactor-session.tsx (before the SDK, which creates its schemas
// as it loads) import this module first.
//
// The core on its own: stream-app.tsx imports this module one idle step
// before lib/token-schema.ts, so zod evaluates in two tasks, core then the
// rest, instead of one. Whole, it was the page's longest idle task (28 ms on
// the benchmark machine, about four times that on a phone), which Lighthouse
// counts as blocking time. Named imports, not import("zod/v4/core"): that
// namespace brings every locale.
import { config } from "zod/v4/core";

config({ jitless: true });

export { $ZodObject } from "zod/v4/core";
