// Enrolment end to end, outside demo mode: a new screen shows its pairing code, an operator approves
// it in the console's Displays view into a new wall, the screen becomes that wall's display and the
// console lists it online; revoked, it is cut off and shows a pairing code again.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForTwin } from './browser.ts';
import { useHarness } from './harness.ts';

const PASSWORD = 'enrolment-e2e-password';
const h = useHarness({ hubEnv: { HUB_DEMO: '0', HUB_OPERATOR_PASSWORD: PASSWORD, HUB_DESIGNER_PASSWORD: `${PASSWORD}-designer` } });
let wall: Page;
let wallErrors: string[];
let consolePage: Page;

/** The code on the screen, as an operator reads it: "123 456" → "123456". */
async function pairingCode(page: Page): Promise<string> {
  const el = await page.waitForSelector('[data-testid=pairing-code]', { timeout: 60_000 });
  const shown = (await el.textContent()) ?? '';
  expect(shown).toMatch(/^\d{3} \d{3}$/);
  return shown.replace(' ', '');
}

describe('enrolling a display', () => {
  it('a new screen shows a pairing code and nothing of the city until approved', async () => {
    ({ page: wall, errors: wallErrors } = await h.openPage('/wall?anim=0&wall=lobby&display=0', { width: 960, height: 540 }));
    const code = await pairingCode(wall);
    expect(code).toMatch(/^\d{6}$/);
    expect(await wall.locator('[data-testid=pairing-card]').textContent()).toMatch(/lobby/);
    expect(await wall.locator('.wall').count()).toBe(0);
  });

  it('an operator approves it in the console into a new wall; the screen becomes that display', async () => {
    const code = await pairingCode(wall);
    consolePage = await h.newPage({ width: 1280, height: 800 });
    await consolePage.goto(`${h.client.url}/console`);
    await consolePage.fill('[data-testid=user]', 'operator');
    await consolePage.fill('[data-testid=password]', PASSWORD);
    await consolePage.click('[data-testid=sign-in-submit]');
    await consolePage.click('[data-testid=console-tab-displays]');
    await consolePage.click(`[data-testid=pending-pick-${code}]`, { timeout: 30_000 });
    expect(await consolePage.inputValue('[data-testid=approve-code]')).toMatch(new RegExp(`^${code.slice(0, 3)} ?${code.slice(3)}$`));
    await consolePage.selectOption('[data-testid=approve-wall]', '+new');
    await consolePage.fill('[data-testid=approve-new-wall]', 'lobby');
    await consolePage.fill('[data-testid=approve-display]', '0');
    await consolePage.click('[data-testid=approve-layout-single]');
    await consolePage.click('[data-testid=approve-submit]');

    await waitForTwin(wall, 180_000);
    await wall.waitForSelector('[data-testid=connection-badge][data-status=live]', { timeout: 60_000 });
    await consolePage.waitForSelector('[data-testid^=enrolled-row-][data-wall=lobby][data-display="0"][data-online=true]', { timeout: 30_000 });
  });

  it('revoked in the console, the display is cut off and asks to be paired again', async () => {
    const row = consolePage.locator('[data-testid^=enrolled-row-][data-wall=lobby][data-display="0"]');
    const id = ((await row.getAttribute('data-testid')) ?? '').replace('enrolled-row-', '');
    expect(id).toMatch(/^dev-/);
    await consolePage.click(`[data-testid=revoke-${id}]`);
    await consolePage.click(`[data-testid=revoke-confirm-${id}]`);
    await consolePage.waitForSelector(`[data-testid=enrolled-row-${id}]`, { state: 'detached', timeout: 30_000 });
    // The screen learns it at once (its socket is cut off) and shows a new pairing code.
    const again = await pairingCode(wall);
    expect(again).toMatch(/^\d{6}$/);
    expect(wallErrors).toEqual([]);
  });
});
