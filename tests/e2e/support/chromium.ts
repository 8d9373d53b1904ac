// The launch setup lives in scripts/lib/chromium.mjs, shared with
// `npm run bench`, which must not depend on the tests folder.
export { chromiumLaunchOptions } from "@/scripts/lib/chromium.mjs";
