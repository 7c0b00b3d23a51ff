/**
 * `orgchart company create --name <n> --admin <userName> [--email <e>]`: a new company and its first
 * administrator, in one transaction (both or neither).
 * `companyCreateCommand(db, config, { name: 'Northwind', admin: 'nw.admin' })` → { companyId: 3, adminUserId: 244 }
 */
import type { Knex } from 'knex';
import type { Config } from '../../config';
import { CliError } from '../errors';

export interface CompanyCreateOptions {
  readonly name: string;
  readonly admin: string;
  readonly email?: string;
}

export interface CompanyCreateResult {
  readonly companyId: number;
  readonly adminUserId: number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkOptions(options: CompanyCreateOptions): { name: string; admin: string; email: string | null } {
  const name = options.name.trim();
  const admin = options.admin.trim();
  const email = options.email?.trim() || null;
  if (name === '' || name.length > 200) throw new CliError('--name must be 1 to 200 characters');
  if (admin === '' || admin.length > 100 || /\s/.test(admin)) {
    throw new CliError('--admin must be a user name of 1 to 100 characters without spaces');
  }
  if (email !== null && (email.length > 254 || !EMAIL.test(email))) throw new CliError(`--email "${email}" is not an email address`);
  return { name, admin, email };
}

export async function companyCreateCommand(db: Knex, _config: Config, options: CompanyCreateOptions): Promise<CompanyCreateResult> {
  const { name, admin, email } = checkOptions(options);
  return db.transaction(async (trx) => {
    const [company] = await trx('companies').insert({ name }).returning<Array<{ id: number | string }>>('id');
    if (!company) throw new Error('the company was not created');
    const [user] = await trx('users')
      .insert({ company_id: company.id, user_name: admin, email, is_administrator: true, is_active: true })
      .returning<Array<{ id: number | string }>>('id');
    if (!user) throw new Error('the administrator was not created');
    return { companyId: Number(company.id), adminUserId: Number(user.id) };
  });
}
