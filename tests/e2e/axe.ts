import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** RGAA / WCAG 2.2 AA: the page must have no axe violation at all. */
export async function expectNoAxeViolations(page: Page) {
  // Next streams a page's metadata after its body: after a client-side navigation the <title>
  // may come a moment after the heading a test waited for.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}

/** WCAG 1.4.10: the page reflows, nothing scrolls sideways. */
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
