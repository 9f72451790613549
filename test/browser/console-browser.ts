import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Debian's Chromium (.ci/run installs it); nothing here ever downloads a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CONSOLE_ROOT = resolve('dist/web');
export const SCREENSHOTS = resolve('test-results');

/** The console's production build, made once when missing (npm start and CI build it anyway). */
export function ensureConsoleBuild(): void {
  if (existsSync(join(CONSOLE_ROOT, 'index.html'))) return;
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}

export interface ConsoleRig {
  t: TestApp;
  base: string;
  browser: BrowserContext;
  /** Content-Security-Policy violations and page errors seen so far (must stay empty). */
  problems: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** The real service (embedded database) listening on a loopback port, serving the built console, and a headless Chromium. */
export async function startConsoleRig(): Promise<ConsoleRig> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`);
  }
  ensureConsoleBuild();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const t = await startTestApp({ RATE_LIMIT: '100000', RATE_LIMIT_ANONYMOUS: '100000' }, { consoleRoot: CONSOLE_ROOT });
  await t.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  const profile = mkdtempSync(join(tmpdir(), 'console-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  };
  browser.on('page', watch);
  browser.pages().forEach(watch);
  return {
    t,
    base,
    browser,
    problems,
    newPage: () => browser.newPage(),
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
      await t.close();
    },
  };
}

/** The native input of an Element Plus field marked `data-test=<name>` (the attribute lands on the input or its wrapper). */
export const field = (scope: Page | Locator, name: string): Locator =>
  scope.locator(`input[data-test="${name}"], [data-test="${name}"] input`).first();

export async function fill(scope: Page | Locator, name: string, value: string): Promise<void> {
  const input = field(scope, name);
  await input.fill(value);
}

/** Picks an option of an Element Plus select (the dropdown is teleported to the body). */
export async function choose(page: Page, select: Locator, optionText: string): Promise<void> {
  await select.click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: optionText }).first().click();
}

export async function signIn(page: Page, base: string, key: string): Promise<void> {
  await page.goto(`${base}/app/login`);
  await fill(page, 'token', key);
  await page.locator('[data-test=sign-in]').click();
  await page.waitForURL(/\/app\/[^/]+\/\d{4}$/);
}

export async function shot(page: Page, name: string, options: { charts?: boolean } = {}): Promise<void> {
  // ECharts animates its bars on a canvas for about a second; CSS transitions are finished by Playwright.
  if (options.charts) await page.waitForTimeout(1200);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}
