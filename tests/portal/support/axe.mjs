// Runs axe-core (from npm, pinned in package.json) inside a page of the portal.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

/** The violations axe finds in the page as it is now, WCAG 2.x A and AA rules and axe's best practices. */
export async function axeViolations(page) {
  await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(() => globalThis.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
  }));
  return results.violations;
}

/** The violations of impact serious or critical, summarised for an assertion message. */
export function seriousOf(violations) {
  return violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
}
