import { Text, View } from '@tarojs/components';
import type { MeResponse, RoleGrantView } from '@jinri/shared';

import { formatMonthDay, localDateOf } from '@/utils/date';
import { roleLabel } from '@/utils/roles';

interface ProfileCardProps {
  me: MeResponse;
}

/** Who I am: name and posts for an official, otherwise my main role; then every role as a chip. */
export function ProfileCard({ me }: ProfileCardProps) {
  const { official, grants, user } = me;
  const title = official?.name ?? (grants.length > 0 ? roleLabel(grants[0].role) : roleLabel('resident'));
  const hasResident = user.roles.includes('resident');
  // One chip per role and unit, even if the server lists the same pair twice.
  const chips = grants.filter(
    (g, i) => grants.findIndex((o) => o.role === g.role && o.unit?.id === g.unit?.id) === i,
  );
  // Roles the user holds without a grant listed (should not happen; shown rather than hidden).
  const ungranted = user.roles.filter((r) => r !== 'resident' && !grants.some((g) => g.role === r));

  return (
    <View className="card me-profile" data-testid="profile" data-user-id={String(user.id)}>
      <View className="me-profile__head">
        <Text className="me-profile__name" data-testid="profile-name">
          {title}
        </Text>
        {me.demo ? <Text className="me-profile__demo">演示账号</Text> : null}
      </View>

      {official ? (
        <View className="me-profile__official">
          {official.posts.map((post, i) => (
            <Text key={`${i}:${post}`} className="me-profile__post">
              {post}
            </Text>
          ))}
          <Text className="me-profile__phone" data-testid="profile-phone">
            手机号：{official.phoneMasked ?? '未绑定'}
          </Text>
        </View>
      ) : null}

      <Text className="me-section__label">我的身份</Text>
      <View className="me-roles" data-testid="role-chips">
        {hasResident ? <RoleChip role="resident" label={roleLabel('resident')} /> : null}
        {chips.map((grant) => (
          <RoleChip key={grant.id} role={grant.role} label={grantLabel(grant)} />
        ))}
        {ungranted.map((role) => (
          <RoleChip key={role} role={role} label={roleLabel(role)} />
        ))}
      </View>
      {me.revokedGrants.length > 0 ? (
        <View className="me-profile__revoked" data-testid="revoked-grants">
          {me.revokedGrants.map((g) => (
            <Text key={g.id} className="me-profile__revoked-item">
              {`${grantLabel(g)}${g.official ? `（${g.official.name}）` : ''}已于${formatMonthDay(
                localDateOf(g.revokedAt) || g.revokedAt.slice(0, 10),
              )}被管理员撤销，如有疑问请联系管理员`}
            </Text>
          ))}
        </View>
      ) : null}
      <Text className="me-profile__id">用户编号：{user.id}</Text>
    </View>
  );
}

function grantLabel(grant: RoleGrantView): string {
  return grant.unit ? `${roleLabel(grant.role)} · ${grant.unit.name}` : roleLabel(grant.role);
}

function RoleChip({ role, label }: { role: string; label: string }) {
  return (
    <Text className={`me-chip me-chip--${role}`} data-testid="role-chip" data-role={role}>
      {label}
    </Text>
  );
}
