// End to end: every role signs in through the console and sees only what it may see, and a
// declaration goes through the workflow screens from application to the public notice.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSession,
  buildWebIfStale,
  launchChromium,
  openPage,
  runCli,
  screenshot,
  startServer,
  type ApiSession,
  type RunningServer,
} from './harness.ts';

const password = 'correct horse battery staple';
const email = (who: string) => `${who}@e2e.example.cn`;

interface Unit {
  readonly id: string;
  readonly name: string;
  readonly enterpriseId: string;
}

let server: RunningServer;
let browser: Browser;
let nation: ApiSession;
let factoryA: Unit;
let factoryB: Unit;
let park: { id: string; name: string };
let agencyName: string;
let declarationId = '';
/** One signed-in browser per role, kept for the whole file: sign-in is rate-limited (10 a minute). */
const signedIn = new Map<string, { ctx: BrowserContext; page: Page; errors: string[] }>();

const firstUnit = async (path: string, province: string): Promise<Unit> => {
  const page = await nation.get<{ items: Unit[] }>(`${path}?province=${province}&pageSize=1`);
  const unit = page.items[0];
  if (!unit) throw new Error(`no unit in ${path} for ${province}`);
  return unit;
};

/** Signs in through the login screen (once per role) and returns that role's page. */
async function as(who: string, locale = 'en', viewport?: { width: number; height: number }): Promise<Page> {
  const known = signedIn.get(who);
  if (known) return known.page;
  const opened = await openPage(browser, locale, viewport);
  const { page } = opened;
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-email').fill(email(who));
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/workspace$/);
  await page.getByTestId('workspace-role').waitFor();
  signedIn.set(who, opened);
  return page;
}

const goto = async (page: Page, path: string) => {
  await page.goto(`${server.url}${path}`);
};

const atState = (page: Page, state: string) =>
  page.locator(`[data-testid="declaration-page"][data-state="${state}"]`).waitFor();

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

beforeAll(async () => {
  buildWebIfStale();
  server = await startServer();
  browser = await launchChromium();
  // Administrators from the command line, as an operator makes the first ones.
  runCli(server.dataDir, ['admin', 'create', '--email', email('nation'), '--password-stdin'], password);
  for (const [who, region] of [
    ['guangdong', '440000'],
    ['beijing', '110000'],
  ] as const)
    runCli(
      server.dataDir,
      [
        'admin',
        'create',
        '--email',
        email(who),
        '--password-stdin',
        '--level',
        'province',
        '--region',
        region,
      ],
      password,
    );
  // The national administrator registers an agency and makes the other accounts over the API.
  nation = await apiSession(server.url, email('nation'), password);
  agencyName = 'E2E 绿色制造评价中心';
  const agency = await nation.post<{ id: string }>('/api/v1/agencies', {
    name: agencyName,
    legalRepresentative: '张评价',
  });
  factoryA = await firstUnit('/api/v1/factories', '440000');
  factoryB = await firstUnit('/api/v1/factories', '110000');
  park = await firstUnit('/api/v1/parks', '440000');
  const accounts = [
    { email: email('agency'), role: 'agency', agencyId: agency.id },
    { email: email('enterprise-a'), role: 'enterprise', enterpriseId: factoryA.enterpriseId },
    { email: email('enterprise-b'), role: 'enterprise', enterpriseId: factoryB.enterpriseId },
    { email: email('park'), role: 'park_operator', parkId: park.id, region: '440000' },
  ];
  for (const a of accounts) await nation.post('/api/v1/accounts', { ...a, password });
}, 240_000);

afterAll(async () => {
  for (const { ctx } of signedIn.values()) await ctx.close();
  await nation?.close();
  await browser?.close();
  await server?.stop();
});

describe('signing in as each role', () => {
  it('shows the public the published lists only, and refuses a wrong password in plain words', async () => {
    const { ctx, page, errors } = await openPage(browser, 'en');
    await goto(page, '/workspace');
    await page.getByTestId('workspace-public').waitFor();
    await page.getByTestId('sign-in-link').waitFor();
    await goto(page, '/declarations');
    await page.locator('[data-testid="notice-declarations"][data-count="0"]').waitFor();
    await screenshot(page, 'declarations-public-en');
    await goto(page, '/login');
    await page.getByTestId('login-email').fill(email('enterprise-a'));
    await page.getByTestId('login-password').fill('not the password at all');
    await page.getByTestId('login-submit').click();
    expect(await page.getByTestId('login-error').innerText()).toBe(
      'The e-mail address or the password is wrong, or the account is disabled.',
    );
    expect(page.url()).toMatch(/\/login$/);
    // The 401 of the sign-in is the answer the screen words (openPage does not count it).
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('gives an enterprise user its own factories and meters, and lets it apply for the pool (zh-CN)', async () => {
    const page = await as('enterprise-a', 'zh-CN');
    await page.getByTestId('workspace-enterprise').waitFor();
    expect(await page.getByTestId('workspace-role').innerText()).toBe('企业用户');
    const own = page.getByTestId('own-factories');
    await own.getByRole('link', { name: factoryA.name, exact: true }).waitFor();
    expect(await own.innerText()).not.toContain(factoryB.name);
    await page.getByTestId('own-meters').first().waitFor();
    await page.locator('[data-testid="own-declarations"][data-count="0"]').waitFor();
    await page.getByTestId('apply-submit').click();
    await page.getByTestId('apply-done').waitFor();
    const row = page.getByTestId('own-declarations').getByRole('link', { name: factoryA.name });
    await row.waitFor();
    declarationId = ((await row.getAttribute('href')) ?? '').split('/').pop() ?? '';
    expect(declarationId).toMatch(/^dcl_/);
    expect(await page.getByTestId('own-declarations').locator('tbody tr').getAttribute('data-state')).toBe(
      'applied',
    );
    await screenshot(page, 'workspace-enterprise-zh-CN');
  });

  it('hides the declaration from another enterprise, another province, the park and the agency', async () => {
    const b = await as('enterprise-b');
    await b.getByTestId('workspace-enterprise').waitFor();
    await b.getByTestId('own-factories').getByRole('link', { name: factoryB.name, exact: true }).waitFor();
    expect(await b.getByTestId('own-factories').innerText()).not.toContain(factoryA.name);
    await b.locator('[data-testid="own-declarations"][data-count="0"]').waitFor();
    await goto(b, `/declarations/${declarationId}`);
    expect(await b.getByRole('alert').innerText()).toContain('Nothing was found');

    const beijing = await as('beijing');
    await beijing.getByTestId('workspace-admin').waitFor();
    expect(await beijing.getByTestId('workspace-role').innerText()).toBe(
      'Programme administrator (province) · Beijing',
    );
    await beijing.locator('[data-testid="region-declarations"][data-count="0"]').waitFor();
    await goto(beijing, `/declarations/${declarationId}`);
    expect(await beijing.getByRole('alert').innerText()).toContain('Nothing was found');

    const operator = await as('park');
    await operator.getByTestId('own-park').getByRole('link', { name: park.name }).waitFor();
    await operator.locator('[data-testid="own-declarations"][data-count="0"]').waitFor();
    await screenshot(operator, 'workspace-park-operator-en');

    const agency = await as('agency', 'en', { width: 768, height: 1024 });
    await agency.getByTestId('workspace-agency').waitFor();
    await agency.locator('[data-testid="assignments"][data-count="0"]').waitFor();
    expect(await noSidewaysScroll(agency)).toBeLessThanOrEqual(0);
  });

  it('takes the declaration through the workflow screens of each role to the public notice', async () => {
    // The province admits the unit to its cultivation pool.
    const gd = await as('guangdong');
    expect(await gd.getByTestId('workspace-role').innerText()).toBe(
      'Programme administrator (province) · Guangdong',
    );
    await gd.getByTestId('review-queue').getByRole('link', { name: factoryA.name }).click();
    await atState(gd, 'applied');
    await gd.getByTestId('action-admit_pool').click();
    await atState(gd, 'pool');
    await screenshot(gd, 'declaration-admitted-en');

    // The enterprise self-evaluates (a bad facts box is refused in plain words) and engages the agency.
    const a = await as('enterprise-a', 'zh-CN');
    await goto(a, `/declarations/${declarationId}`);
    await atState(a, 'pool');
    const form = a.getByTestId('self-evaluation-form');
    await form.getByTestId('evaluation-facts').fill('{ "waste.utilised": 950, ');
    await form.getByTestId('self-evaluation-submit').click();
    expect(await form.getByRole('alert').innerText()).toContain('不是有效的 JSON');
    await form.getByTestId('evaluation-facts').fill('{ "waste.utilised": 950, "waste.generated": 1000 }');
    await form.getByTestId('self-evaluation-submit').click();
    await atState(a, 'self_evaluated');
    await a.getByTestId('self-evaluation-record').getByText('2', { exact: true }).waitFor();
    await a.getByTestId('agency-select').selectOption({ label: agencyName });
    await a.getByTestId('assign-agency-submit').click();
    await a.getByTestId('current-agency').waitFor();
    expect(await a.getByTestId('current-agency').innerText()).toBe(`当前委托：${agencyName}`);
    await screenshot(a, 'declaration-self-evaluated-zh-CN');

    // The agency finds it among its assignments and signs its evaluation.
    const agency = await as('agency');
    await agency.reload();
    await agency.getByTestId('assignments').getByRole('link', { name: factoryA.name }).click();
    await atState(agency, 'self_evaluated');
    await agency.getByTestId('conclusion-pass').check();
    await agency.getByTestId('agency-evaluation-submit').click();
    await atState(agency, 'agency_evaluated');
    expect(await noSidewaysScroll(agency)).toBeLessThanOrEqual(0);
    await screenshot(agency, 'declaration-agency-evaluated-tablet-en');

    // The province recommends it (municipal, then provincial), the ministry approves: public notice.
    await goto(gd, `/declarations/${declarationId}`);
    await gd.getByTestId('action-recommend_municipal').click();
    await atState(gd, 'municipal_recommended');
    await gd.getByTestId('action-recommend_provincial').click();
    await atState(gd, 'provincial_recommended');
    const nationPage = await as('nation');
    await nationPage.getByTestId('review-queue').getByRole('link', { name: factoryA.name }).click();
    await nationPage.getByTestId('action-approve_national').click();
    await atState(nationPage, 'public_notice');

    // The public reads the published fields, and nothing else.
    const { ctx, page: pub } = await openPage(browser, 'en');
    await goto(pub, '/declarations');
    await pub.getByTestId('notice-declarations').getByRole('link', { name: factoryA.name }).click();
    await atState(pub, 'public_notice');
    await pub.getByText('You see the published fields only.').waitFor();
    await pub.getByText('Evaluations are shown to the unit, its agency and its reviewers only.').waitFor();
    expect(await pub.getByTestId('history').count()).toBe(0);
    expect(await pub.getByTestId('declaration-actions').count()).toBe(0);
    await pub.getByText('Sign in to lodge an objection during the notice.').waitFor();
    await screenshot(pub, 'declaration-public-notice-en');
    await ctx.close();

    // Another enterprise objects; it cannot read the objections.
    const b = await as('enterprise-b');
    await goto(b, `/declarations/${declarationId}`);
    await atState(b, 'public_notice');
    await b.getByTestId('objection-text').fill('The reported solid-waste figures look too good.');
    await b.getByTestId('objection-submit').click();
    await b.getByTestId('objection-sent').waitFor();
    expect(await b.getByTestId('objection-list').count()).toBe(0);

    // The ministry dismisses it; listing before the notice is over is refused in plain words.
    await goto(nationPage, `/declarations/${declarationId}`);
    const open = nationPage.locator('[data-testid="objection-list"] li[data-status="open"]');
    await open.waitFor();
    await open.getByTestId('resolution-note').fill('Checked against the agency evaluation.');
    await open.getByTestId('dismiss-objection').click();
    await nationPage.locator('[data-testid="objection-list"] li[data-status="dismissed"]').waitFor();
    await nationPage.getByTestId('action-list').click();
    expect(await nationPage.getByTestId('transitions').getByRole('alert').innerText()).toMatch(
      /^The server refused this: The public notice runs until \d{4}-\d{2}-\d{2}$/,
    );
    await nationPage.getByTestId('history').locator('li').nth(6).waitFor();
    await screenshot(nationPage, 'declaration-objection-resolved-en');
  });

  it("shows a factory's metered energy to its enterprise once signed in", async () => {
    const meter = 'e2e-a-electricity';
    await nation.post('/api/v1/meters', {
      id: meter,
      factoryId: factoryA.id,
      medium: 'electricity',
      unit: 'kWh',
      kind: 'interval',
      intervalSeconds: 3600,
      name: 'E2E main incomer',
    });
    const readings = Array.from({ length: 48 }, (_, i) => ({
      meter,
      ts: new Date(Date.UTC(2024, i < 24 ? 0 : 1, 10, i % 24)).toISOString(),
      value: 800 + i,
    }));
    await nation.post('/api/v1/readings', readings);

    const a = await as('enterprise-a', 'zh-CN');
    await goto(a, `/factories/${factoryA.id}`);
    await a.locator('[data-testid="monthly-chart"][data-rendered="true"]').waitFor();
    await goto(a, '/workspace');
    expect(await a.getByTestId('own-meters').first().innerText()).toContain('E2E main incomer');

    // Signed out, or as another enterprise: the console says how to see it, once the API refuses.
    const { ctx, page: pub } = await openPage(browser, 'en');
    const publicAnswer = await pub.request.get(`${server.url}/api/v1/meters?factory=${factoryA.id}`);
    await goto(pub, `/factories/${factoryA.id}`);
    if (publicAnswer.status() === 401) {
      expect(await pub.getByTestId('metering-refused').innerText()).toContain(
        'log in as the enterprise or an administrator to see metered data',
      );
    } else {
      await pub.locator('[data-testid="monthly-chart"][data-rendered="true"]').waitFor();
    }
    await screenshot(pub, 'factory-metering-public-en');
    await ctx.close();
    const b = await as('enterprise-b');
    const otherAnswer = await b.request.get(`${server.url}/api/v1/meters?factory=${factoryA.id}`);
    await goto(b, `/factories/${factoryA.id}`);
    if (otherAnswer.status() === 403 || otherAnswer.status() === 401)
      await b.getByTestId('metering-refused').waitFor();
    else await b.locator('[data-testid="monthly-chart"][data-rendered="true"]').waitFor();
  });

  it('keeps the art. 15 negative list: a province enters a situation, the enterprise and the nation see it', async () => {
    const gd = await as('guangdong');
    await goto(gd, '/workspace');
    await gd.getByTestId('negative-list').waitFor();
    // Below the national level the list is read one enterprise at a time: nothing before a lookup.
    expect(await gd.getByTestId('negative-entries').count()).toBe(0);
    await gd.getByTestId('negative-enterprise').fill(factoryA.enterpriseId);
    await gd.getByTestId('negative-reason').selectOption('quality_accident');
    await gd.getByTestId('negative-since').fill('2099-01-01');
    await gd.getByTestId('negative-submit').click();
    expect(await gd.getByTestId('negative-enter').getByRole('alert').innerText()).toBe(
      'Check "since": must be a past calendar date (YYYY-MM-DD)',
    );
    await gd.getByTestId('negative-since').fill('2025-06-30');
    await gd.getByTestId('negative-note').fill('E2E: product recall');
    await gd.getByTestId('negative-submit').click();
    await gd.getByTestId('negative-added').waitFor();
    const row = gd.locator('[data-testid="negative-entries"] tr[data-reason="quality_accident"]');
    await row.waitFor();
    expect(await row.innerText()).toContain('E2E: product recall');
    expect(await row.innerText()).toContain('2028');
    await screenshot(gd, 'negative-list-province-en');
    // The refused date is an answer the form words; the browser logged its 400 all the same.
    const logged = signedIn.get('guangdong')?.errors ?? [];
    logged.splice(0, logged.length, ...logged.filter((e) => !/status of 400 /.test(e)));
    // Another province may not enter an enterprise of Guangdong.
    const bj = await as('beijing');
    await goto(bj, '/workspace');
    await bj.getByTestId('negative-enterprise').fill(factoryA.enterpriseId);
    await bj.getByTestId('negative-since').fill('2025-06-30');
    await bj.getByTestId('negative-submit').click();
    expect(await bj.getByTestId('negative-enter').getByRole('alert').innerText()).toContain(
      'The enterprise lies outside your region',
    );
    // The nation reads the whole list; the enterprise reads its own entry, in Chinese.
    const n = await as('nation');
    await goto(n, '/workspace');
    await n.locator('[data-testid="negative-entries"] tr[data-reason="quality_accident"]').waitFor();
    const a = await as('enterprise-a', 'zh-CN');
    await goto(a, '/workspace');
    const own = a.locator('[data-testid="negative-entries"] tr[data-reason="quality_accident"]');
    expect(await own.innerText()).toContain('发生质量事故');
  });

  it("lets a province administrator make, find and disable its region's accounts", async () => {
    const gd = await as('guangdong');
    await goto(gd, '/workspace');
    const rows = gd.getByTestId('account-rows');
    await rows.locator(`tr[data-email="${email('enterprise-a')}"]`).waitFor();
    // Another province's enterprise user is not in Guangdong's list.
    expect(await rows.locator(`tr[data-email="${email('enterprise-b')}"]`).count()).toBe(0);
    await gd.getByTestId('account-role').selectOption('enterprise');
    await gd.getByTestId('account-email').fill(email('enterprise-a2'));
    await gd.getByTestId('account-name').fill('E2E 能源管理员');
    await gd.getByTestId('account-password').fill(password);
    await gd.getByTestId('account-bound').fill(factoryA.enterpriseId);
    await gd.getByTestId('account-submit').click();
    await gd.getByTestId('account-made').waitFor();
    const made = rows.locator(`tr[data-email="${email('enterprise-a2')}"][data-disabled="false"]`);
    await made.waitFor();
    expect(await made.innerText()).toContain('Enterprise user');
    // The same e-mail again is refused in words.
    await gd.getByTestId('account-email').fill(email('enterprise-a2'));
    await gd.getByTestId('account-password').fill(password);
    await gd.getByTestId('account-submit').click();
    expect(await gd.getByTestId('account-create').getByRole('alert').innerText()).toContain('already exists');
    await gd.getByTestId('accounts-q').fill('enterprise-a2');
    await gd.getByTestId('accounts-search').click();
    await gd.locator('[data-testid="account-rows"][data-count="1"]').waitFor();
    await made.getByTestId('account-toggle').click();
    await rows.locator(`tr[data-email="${email('enterprise-a2')}"][data-disabled="true"]`).waitFor();
    await screenshot(gd, 'accounts-province-en');
    // The refused e-mail is an answer the form words; the browser logged its 409 all the same.
    const logged = signedIn.get('guangdong')?.errors ?? [];
    logged.splice(0, logged.length, ...logged.filter((e) => !/status of 409 /.test(e)));
  });

  it('signs out back to the public view', async () => {
    const a = await as('enterprise-a', 'zh-CN');
    await a.getByTestId('lang-en').click();
    await a.getByRole('heading', { level: 1 }).first().waitFor();
    await a.getByTestId('sign-out').click();
    await a.getByTestId('sign-in-link').waitFor();
    await goto(a, '/workspace');
    await a.getByTestId('workspace-public').waitFor();
    // A hidden declaration answers 404 ("Nothing was found") and listing during the notice 409 (the
    // refusal in words): the browser logs both as failed loads; any other error fails the case.
    for (const { errors } of signedIn.values())
      expect(errors.filter((e) => !/status of 40[49] /.test(e))).toEqual([]);
  });
});
