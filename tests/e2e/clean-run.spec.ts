import { expect, test } from "@playwright/test";
import { test as guarded } from "./support/clean-run";

// Proves the guard in support/clean-run.ts can fail: a page that breaks the
// CSP or logs an error must fail a spec that uses it.
//
// Why an image and not `new Function("")` (what zod's JIT probe did): code
// run through page.evaluate() is DevTools code, which Chromium exempts from
// the CSP's eval rule. A blocked image is a violation the page itself causes.

/** Loads an image from an origin the app's img-src does not allow. */
function breakImgSrc() {
  const img = document.createElement("img");
  img.src = "https://blocked.invalid/pixel.png";
  document.body.append(img);
}

guarded.fail("a CSP violation fails a guarded spec", async ({ page }) => {
  await page.goto("/");
  await page.evaluate(breakImgSrc);
});

guarded.fail("a console error fails a guarded spec", async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => console.error("deliberate"));
});

test("Chromium fires securitypolicyviolation for what the app's CSP blocks", async ({
  page,
}) => {
  await page.goto("/");
  const violated = page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener("securitypolicyviolation", (event) =>
          resolve(event.effectiveDirective),
        );
      }),
  );
  await page.evaluate(breakImgSrc);
  expect(await violated).toBe("img-src");
});
