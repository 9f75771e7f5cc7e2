// End to end: the console as a person uses it, on a freshly started server with the real lists.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureOverviewWeight, overviewBudgetBytes } from '../../bench/web-weight.ts';
import {
  artifactsDir,
  buildWebIfStale,
  launchChromium,
  openPage,
  repoRoot,
  screenshot,
  startServer,
  type RunningServer,
} from './harness.ts';

let server: RunningServer;
let browser: Browser;
const timings: Record<string, number> = {};

const shot = screenshot;
const newPage = (locale: string, viewport?: { width: number; height: number }) =>
  openPage(browser, locale, viewport);

beforeAll(async () => {
  buildWebIfStale();
  const t0 = Date.now();
  server = await startServer();
  timings.serverStartMs = Date.now() - t0;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  writeFileSync(join(artifactsDir, 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
});

describe('the web console', () => {
  it('keeps the overview within 400 KB of gzipped JavaScript', () => {
    const w = measureOverviewWeight(join(repoRoot, 'web', 'dist'));
    timings.overviewJsGzipBytes = w.jsGzip;
    expect(w.jsGzip).toBeLessThanOrEqual(overviewBudgetBytes);
  });

  it('opens the national overview in zh-CN: figures, map and trend', async () => {
    const { ctx, page, errors } = await newPage('zh-CN');
    await page.goto(server.url);
    await page.getByTestId('figure-factories').waitFor();
    timings.overviewFiguresMs = await page.evaluate(() => performance.now());
    await page.locator('[data-testid="province-map"][data-rendered="true"]').waitFor();
    timings.overviewMapDrawnMs = await page.evaluate(() => performance.now());
    // The trend chart is below the fold and loads when scrolled near.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator('[data-testid="trend-chart"][data-rendered="true"]').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.getByTestId('figure-factories').innerText()).toContain('2,783');
    expect(await page.getByTestId('figure-parks').innerText()).toContain('224');
    expect(await page.locator('h1').innerText()).toBe('绿色制造体系建设总览');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // Timings are recorded (test-artifacts/web/timings.json), not asserted: the 2 s goal of issue 7
    // is a figure to report, and this machine's load varies (STYLE.md: no timing assertions in tests).
    console.log(
      `overview: figures at ${Math.round(timings.overviewFiguresMs)} ms, map drawn at ${Math.round(timings.overviewMapDrawnMs)} ms`,
    );
    await shot(page, 'overview-zh-CN');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('switches to English and remembers it across a reload', async () => {
    const { ctx, page } = await newPage('zh-CN');
    await page.goto(server.url);
    await page.getByTestId('lang-en').click();
    await page.getByRole('heading', { level: 1, name: 'The green manufacturing programme' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'The green manufacturing programme' }).waitFor();
    await page.locator('[data-testid="province-map"][data-rendered="true"]').waitFor();
    expect(await page.getByTestId('province-ranking').innerText()).toContain('Guangdong');
    await shot(page, 'overview-en');
    await page.getByTestId('lang-zh-CN').click();
    await page.getByRole('heading', { level: 1, name: '绿色制造体系建设总览' }).waitFor();
    await ctx.close();
  });

  it('drills down from the overview into a province and its lists', async () => {
    const { ctx, page } = await newPage('en');
    await page.goto(server.url);
    await page.getByTestId('province-ranking').getByRole('link').first().click();
    await page.getByTestId('province-page').waitFor();
    expect(page.url()).toMatch(/\/provinces\/\d{6}$/);
    await page.getByTestId('list-factory').locator('tbody tr').first().waitFor();
    await page.getByRole('tab', { name: 'Green industrial parks' }).click();
    await page.getByTestId('list-park').locator('tbody tr').first().waitFor();
    await shot(page, 'province-en');
    // A province on the map is a link too, by mouse and by keyboard.
    await page.goto(server.url);
    await page.locator('[data-testid="province-map"] path[data-code="440000"]').click();
    await page.waitForURL(/\/provinces\/440000$/);
    await page.goto(server.url);
    await page.locator('[data-testid="province-map"][data-rendered="true"]').waitFor();
    await page.locator('[data-testid="province-map"] path[data-code="110000"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/provinces\/110000$/);
    await ctx.close();
  });

  it('searches for a factory, sorts and pages the list, and opens the factory', async () => {
    const { ctx, page, errors } = await newPage('zh-CN');
    await page.goto(`${server.url}/factories`);
    await page.getByTestId('search-input').fill('京东方');
    await page.getByTestId('search-submit').click();
    await page.waitForURL(/q=/);
    await page.getByTestId('list-total').waitFor();
    const names = await page.locator('tbody tr td:first-child').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.includes('京东方'))).toBe(true);
    await shot(page, 'factory-search-zh-CN');

    await page.getByRole('button', { name: /名称/ }).click();
    await page.waitForURL(/sort=name/);
    await page.getByTestId('search-input').fill('');
    await page.getByTestId('search-submit').click();
    await page.getByRole('button', { name: '下一页' }).click();
    await page.waitForURL(/page=2/);
    expect(await page.getByTestId('page-status').innerText()).toMatch(/第 2 页/);

    await page.getByTestId('search-input').fill('京东方');
    await page.getByTestId('search-submit').click();
    await page.waitForURL(/q=/);
    const first = page.locator('tbody tr td:first-child a').first();
    const name = await first.innerText();
    await first.click();
    await page.getByTestId('unit-page-factory').waitFor();
    expect(await page.locator('h1').innerText()).toBe(name);
    await page.getByText('基本信息').waitFor();
    // Operating data is simulated, so its banner must show with it.
    await page.getByTestId('factory-accounts').waitFor();
    expect(await page.getByTestId('factory-accounts').getByTestId('simulated-banner').count()).toBe(1);
    // The evaluation, or a plain "not yet available" on a server without the evaluation API.
    await page
      .locator('[data-testid="evaluation"], [data-testid="evaluation-unavailable"]')
      .first()
      .waitFor();
    if ((await page.getByTestId('evaluation').count()) > 0) {
      await page.locator('[data-testid="evaluation-radar"][data-rendered="true"]').waitFor();
      expect(await page.getByTestId('gap-table').locator('tbody tr').count()).toBeGreaterThan(0);
    }
    await shot(page, 'factory-zh-CN');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('opens a park, a product and a supply chain enterprise from their lists', async () => {
    const { ctx, page, errors } = await newPage('en');
    for (const [path, kind] of [
      ['/parks', 'park'],
      ['/products', 'product'],
      ['/supply-chain-enterprises', 'supply_chain'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.locator('tbody tr td:first-child a').first().click();
      await page.getByTestId(`unit-page-${kind}`).waitFor();
      await page.getByText('Profile').first().waitFor();
      if (kind === 'park') {
        await page.getByTestId('park-operating').waitFor();
        await page.getByTestId('park-operating').getByTestId('simulated-banner').waitFor();
      }
      await shot(page, `${kind}-en`);
    }
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("shows a product's footprint through its supply chain with its PACT id, and a park's members and waste flows", async () => {
    const { ctx, page, errors } = await newPage('en');
    const found = await page.request.get(
      `${server.url}/api/v1/products?q=${encodeURIComponent('无霜冷藏冷冻箱')}&pageSize=200`,
    );
    const items = ((await found.json()) as { items: { id: string; enterpriseName: string }[] }).items;
    const fridge = items.find((p) => p.enterpriseName === '青岛海尔股份有限公司');
    expect(fridge).toBeDefined();
    await page.goto(`${server.url}/products/${fridge?.id ?? ''}`);
    const panel = page.getByTestId('footprint');
    await panel.waitFor();
    await panel.getByTestId('simulated-banner').waitFor();
    const value = Number(await panel.getByTestId('footprint-value').getAttribute('data-value'));
    expect(value).toBeGreaterThan(0);
    expect(await panel.getByTestId('pact-id').innerText()).toMatch(/^[0-9a-f-]{36}$/);
    await page.locator('[data-testid="footprint-sankey"][data-rendered="true"]').waitFor();
    // The table lists the same tree: its first row is the product with the whole footprint.
    await panel.locator('details.contributions summary').click();
    const first = panel.getByTestId('contribution-table').locator('tbody tr').first();
    expect(await first.locator('td').nth(3).innerText()).toBe('100%');
    expect(await panel.getByTestId('contribution-table').locator('tbody tr').count()).toBeGreaterThan(2);
    await shot(page, 'product-footprint-en');
    await page.getByTestId('lang-zh-CN').click();
    await page.getByRole('heading', { level: 3, name: '沿供应链的贡献' }).waitFor();
    await shot(page, 'product-footprint-zh-CN');

    // A product outside the supply-network model says so in plain words.
    const plain = await page.request.get(
      `${server.url}/api/v1/products?q=${encodeURIComponent('纸')}&pageSize=1`,
    );
    const paper = ((await plain.json()) as { items: { id: string }[] }).items[0];
    await page.goto(`${server.url}/products/${paper?.id ?? ''}`);
    expect(await page.getByTestId('footprint-none').innerText()).toContain('尚未计算该产品的碳足迹');

    await page.goto(`${server.url}/parks`);
    await page.locator('tbody tr td:first-child a').first().click();
    await page.getByTestId('unit-page-park').waitFor();
    await page.getByTestId('park-members').getByText('该园区尚未登记成员企业', { exact: false }).waitFor();
    expect(await page.getByTestId('park-member-count').innerText()).toContain('模拟');
    const flows = page.getByTestId('park-waste-flows');
    await flows.getByTestId('simulated-banner').waitFor();
    await page.locator('[data-testid="waste-sankey"][data-rendered="true"]').waitFor();
    await shot(page, 'park-waste-flows-zh-CN');
    await page.getByTestId('lang-en').click();
    await page.getByRole('heading', { level: 2, name: 'Solid-waste flows' }).waitFor();
    expect(await flows.innerText()).toMatch(/of the solid waste generated was put to use/);
    await shot(page, 'park-waste-flows-en');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("shows a factory's support policies in both languages, the catalog and an instrument's beneficiaries", async () => {
    const { ctx, page, errors } = await newPage('en');
    await page.goto(`${server.url}/factories`);
    await page.locator('tbody tr td:first-child a').first().click();
    await page.getByTestId('unit-page-factory').waitFor();
    const panel = page.getByTestId('policy-panel');
    await panel.waitFor();
    await page.getByRole('heading', { level: 2, name: 'Support policies' }).waitFor();
    // Every listed unit is on the national list, so the procurement support applies to all of them.
    expect(await panel.getByTestId('policy-status').allInnerTexts()).toContain('Qualifies');
    await panel.locator('details.policy-reasons summary').first().click();
    await panel.locator('details.policy-reasons[open] li').first().waitFor();
    await shot(page, 'factory-policies-en');
    await panel.screenshot({ path: join(artifactsDir, 'factory-policy-panel-en.png') });

    await page.getByTestId('lang-zh-CN').click();
    await page.getByRole('heading', { level: 2, name: '政策支持' }).waitFor();
    expect(await panel.getByTestId('policy-status').allInnerTexts()).toContain('符合条件');
    await shot(page, 'factory-policies-zh-CN');
    await panel.screenshot({ path: join(artifactsDir, 'factory-policy-panel-zh-CN.png') });

    await page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '政策' }).click();
    await page.getByTestId('policy-catalog').waitFor();
    await page.getByTestId('policies-as-of').waitFor();
    await page.locator('[data-testid="policy-chart"][data-rendered="true"]').waitFor();
    const rows = page.getByTestId('policy-catalog').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(5);
    // Illustrative instruments carry the badge, in the reader's language.
    expect(await page.getByTestId('illustrative-badge').first().innerText()).toBe('示例，非真实政策');
    await shot(page, 'policies-zh-CN');

    await page.getByTestId('lang-en').click();
    await page.getByRole('heading', { level: 1, name: 'Policies' }).waitFor();
    await shot(page, 'policies-en');
    await page.getByRole('link', { name: /Guangdong one-off award/ }).click();
    await page.getByTestId('policy-page').waitFor();
    await page.getByTestId('beneficiaries').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('beneficiaries-total').innerText()).toMatch(
      /units qualify\. Total estimated support: [\d,]+ yuan/,
    );
    expect(await page.getByTestId('illustrative-badge').first().innerText()).toBe(
      'Illustrative example — not a real policy',
    );
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForURL(/page=2/);
    await page.getByTestId('beneficiaries').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('page-status').innerText()).toBe('Page 2 of 10');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'policy-beneficiaries-en');

    await page.goto(`${server.url}/policies/cn-gf-retrofit-funds@2024`);
    await page.getByTestId('tab-nearly').click();
    await page.waitForURL(/status=nearly/);
    await page.getByTestId('lang-zh-CN').click();
    await page.getByRole('tab', { name: /接近符合/ }).waitFor();
    await page.getByTestId('beneficiaries').locator('tbody tr').first().waitFor();
    await shot(page, 'policy-nearly-zh-CN');
    await page.getByTestId('lang-en').click();
    const unit = page.getByTestId('beneficiaries').locator('tbody tr td:first-child a').first();
    const name = await unit.innerText();
    await unit.click();
    await page.getByTestId('unit-page-factory').waitFor();
    expect(await page.locator('h1').innerText()).toBe(name);
    await page.getByTestId('policy-missing').first().waitFor();
    await page
      .getByTestId('policy-panel')
      .screenshot({ path: join(artifactsDir, 'factory-policy-panel-nearly-en.png') });
    expect(await page.getByTestId('policy-panel').getByTestId('policy-status').allInnerTexts()).toContain(
      'Nearly qualifies',
    );
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('says plainly when a unit does not exist or a search finds nothing', async () => {
    const { ctx, page } = await newPage('en');
    await page.goto(`${server.url}/factories/fac_does_not_exist`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('Nothing was found');
    await page.goto(`${server.url}/factories?q=zzzzzz-no-such-factory`);
    await page.getByText('No listed unit matches').waitFor();
    await ctx.close();
  });

  it('fits a tablet: no sideways scrolling on the overview and the lists', async () => {
    for (const [w, h] of [
      [768, 1024],
      [1024, 768],
    ] as const) {
      const { ctx, page } = await newPage('zh-CN', { width: w, height: h });
      await page.goto(server.url);
      await page.locator('[data-testid="province-map"][data-rendered="true"]').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await shot(page, `overview-tablet-${w}x${h}`);
      await page.goto(`${server.url}/products`);
      await page.locator('tbody tr').first().waitFor();
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      await shot(page, `products-tablet-${w}x${h}`);
      await ctx.close();
    }
  });

  it('runs a self-evaluation of a factory', async () => {
    const { ctx, page, errors } = await newPage('en');
    await page.goto(`${server.url}/factories`);
    await page.locator('tbody tr td:first-child a').first().click();
    await page.getByTestId('unit-page-factory').waitFor();
    const panel = page.getByTestId('self-evaluation');
    await panel.waitFor();
    await page.getByRole('heading', { name: 'Self-evaluation' }).waitFor();
    // Unchanged values reproduce the stored total.
    await page.getByTestId('self-eval-submit').click();
    await page.getByTestId('self-eval-result').waitFor();
    const stored = Number(await page.getByTestId('self-eval-stored-total').getAttribute('data-value'));
    const same = Number(await page.getByTestId('self-eval-total').getAttribute('data-value'));
    expect(same).toBeCloseTo(stored, 6);
    // Plain-word validation: empty and not a number.
    const row = panel.locator('tbody tr[data-full="false"]').first();
    const input = row.locator('input');
    await input.fill('');
    await page.getByTestId('self-eval-submit').click();
    await row.getByText('Enter a value; this box is empty.').waitFor();
    await input.fill('abc');
    await page.getByTestId('self-eval-submit').click();
    await row.getByText('This is not a number.', { exact: false }).waitFor();
    expect(await page.getByTestId('self-eval-result').count()).toBe(0);
    // Bring one indicator short of full marks to its lead value (an assessed one to fully met): the
    // total changes.
    const lead = await row.getAttribute('data-lead');
    await input.fill(lead ? lead : '1');
    await page.getByTestId('self-eval-submit').click();
    await page.getByTestId('self-eval-result').waitFor();
    const changed = Number(await page.getByTestId('self-eval-total').getAttribute('data-value'));
    expect(Math.abs(changed - stored)).toBeGreaterThan(1e-6);
    expect(await page.getByTestId('self-eval-change').innerText()).not.toBe('0');
    await panel.screenshot({ path: join(artifactsDir, 'factory-self-evaluation-en.png') });
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
