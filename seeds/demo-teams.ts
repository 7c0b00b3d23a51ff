/**
 * The org charts of the two demo companies, as nested data. Each company has one root team named after
 * it; its children are the divisions (User.Business), their children departments (User.Department), then
 * groups (User.Group). Names are unique within a company (the seed maps inserted ids back by name).
 * Pure data.
 */

export interface TeamTree {
  readonly name: string;
  readonly description?: string;
  /** Relative share of the company's people whose primary team this is (default 1; 0: only the one member every team gets). */
  readonly weight?: number;
  readonly children?: readonly TeamTree[];
}

const t = (name: string, description?: string, children?: readonly TeamTree[], weight?: number): TeamTree => ({
  name,
  ...(description === undefined ? {} : { description }),
  ...(children === undefined ? {} : { children }),
  ...(weight === undefined ? {} : { weight }),
});

/** Contoso: 47 teams, 5 levels (root depth 0 … depth 4, e.g. Contoso → Engineering → Platform → Platform API → API Gateway). */
export const CONTOSO_TEAMS: TeamTree = t('Contoso', 'The whole company', [
  t('Engineering', 'Builds and runs the Contoso products', [
    t('Platform', 'Shared services every product runs on', [
      t('Platform API', 'Public and internal APIs', [
        t('API Gateway', 'Routing, rate limits and authentication at the edge', undefined, 3),
        t('Identity Services', 'Sign-in, tokens and directory sync', undefined, 3),
      ], 1),
      t('Data Platform', 'Pipelines and the analytics warehouse', [
        t('Data Ingestion', 'Connectors and streaming ingestion', undefined, 3),
        t('Analytics Warehouse', undefined, undefined, 3),
      ], 1),
      t('Site Reliability', 'On-call, observability and capacity', undefined, 3),
    ], 1),
    t('Product Engineering', 'Customer-facing applications', [
      t('Web Experience', 'The web application', [
        t('Design System', 'Shared UI components and accessibility', undefined, 2),
        t('Checkout', 'Cart, payments and invoices', undefined, 3),
      ], 2),
      t('Mobile Apps', undefined, [
        t('iOS', 'The iPhone and iPad apps', undefined, 3),
        t('Android', 'The Android app', undefined, 3),
      ], 1),
    ], 1),
    t('Quality Engineering', 'Test automation and release quality', undefined, 3),
    t('Security Engineering', 'Application and cloud security', undefined, 2),
  ], 1),
  t('Sales', 'Revenue from new and existing customers', [
    t('EMEA Sales', 'Europe, the Middle East and Africa', [
      t('UK & Ireland Sales', undefined, undefined, 3),
      t('DACH Sales', 'Germany, Austria and Switzerland', undefined, 3),
      t('Nordics Sales', undefined, undefined, 2),
    ], 1),
    t('Americas Sales', undefined, [
      t('North America Sales', 'United States and Canada', [
        t('Enterprise Accounts East', undefined, undefined, 3),
        t('Enterprise Accounts West', undefined, undefined, 3),
      ], 1),
      t('Latin America Sales', 'Mexico, Brazil and the Southern Cone', undefined, 2),
    ], 1),
    t('APAC Sales', 'Asia and the Pacific', undefined, 3),
    t('Sales Operations', 'CRM, forecasting and commissions', undefined, 2),
  ], 1),
  t('Marketing', undefined, [
    t('Brand & Communications', "The company's voice, press and events", undefined, 2),
    t('Growth Marketing', 'Campaigns, web and lifecycle', undefined, 2),
    t('Product Marketing', 'Positioning, launches and pricing', undefined, 2),
  ], 1),
  t('Customer Success', 'Helps customers get value from Contoso', [
    t('Support', 'Help desk', [
      t('Tier 1 Support', 'First response, 24/7', undefined, 4),
      t('Tier 2 Support', 'Escalations and bugs', undefined, 3),
    ], 1),
    t('Customer Onboarding', undefined, undefined, 2),
  ], 1),
  t('Finance', undefined, [
    t('Accounting', 'Ledger, payables and receivables', undefined, 2),
    t('Financial Planning', 'Budgets and forecasts', undefined, 2),
  ], 1),
  t('People', 'Human resources', [
    t('Recruiting', undefined, undefined, 2),
    t('People Operations', 'Payroll, benefits and policies', undefined, 2),
  ], 1),
  t('Legal', 'Contracts, compliance and privacy', undefined, 2),
], 0);

/** Fabrikam: a small company, 6 teams over 3 levels. */
export const FABRIKAM_TEAMS: TeamTree = t('Fabrikam', 'The whole company', [
  t('Operations', 'Making and moving products', [
    t('Manufacturing', undefined, undefined, 3),
    t('Logistics', 'Warehouses and shipping', undefined, 2),
  ], 1),
  t('Commercial', 'Sales and customer service', [
    t('Key Accounts', undefined, undefined, 2),
  ], 1),
], 0);
