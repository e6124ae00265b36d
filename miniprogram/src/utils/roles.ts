import type { Role } from '@jinri/shared';

/** How roles are named to people. */
export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  official: '干部',
  clerk: '信息员',
  supervisor: '督查',
  admin: '管理员',
};

/** The Chinese name of a role (the code itself for a role this build does not know yet). */
export function roleLabel(role: Role | string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}
