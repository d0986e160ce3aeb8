import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS } from '@/lib/seed/constants';

export const ROLES = ['owner', 'manager', 'agent'] as const;
export type Role = (typeof ROLES)[number];

/** The seeded account e2e tests sign in with, per role (the first of each role in the seed). */
export function accountOf(role: Role): { email: string; password: string; name: string } {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`the demo seed has no ${role}`);
  return { email: user.email, password: DEMO_PASSWORD, name: user.name };
}

/** Where the signed-in state of a role is stored by auth.setup.ts (git-ignored). */
export function authFile(role: Role): string {
  return path.join(import.meta.dirname, '.auth', `${role}.json`);
}

export const NAV_EN = {
  dashboard: 'Dashboard',
  inventory: 'Inventory',
  orders: 'Orders',
  pickups: 'Click & collect',
  customers: 'Customers',
  kpis: 'KPIs',
  settings: 'Settings',
} as const;

export const NAV_BY_ROLE: Record<Role, readonly (keyof typeof NAV_EN)[]> = {
  owner: ['dashboard', 'inventory', 'orders', 'pickups', 'customers', 'kpis', 'settings'],
  manager: ['dashboard', 'inventory', 'orders', 'pickups', 'customers'],
  agent: ['dashboard', 'inventory', 'orders', 'customers'],
};

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main navigation' });
}

export async function expectSignedIn(page: Page): Promise<void> {
  await expect(page).toHaveURL((url) => url.pathname === '/');
  await expect(mainNav(page)).toBeVisible();
}

/**
 * The serious and critical accessibility violations axe finds (WCAG 2.1 A/AA and best practice):
 * on the whole page, or through a builder the caller narrowed (e.g. `.exclude('iframe')`).
 */
export async function seriousViolations(target: Page | AxeBuilder) {
  const builder = target instanceof AxeBuilder ? target : new AxeBuilder({ page: target });
  const results = await builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}
