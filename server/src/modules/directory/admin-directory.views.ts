import type { AdminMatterView, AdminOfficialView, MembershipView } from '@jinri/shared';
import type { Matter } from './matter.entity';
import type { Membership } from './membership.entity';
import type { Official } from './official.entity';

/**
 * What the admin directory routes answer, field by field: an entity is never returned as is (a new
 * column, such as the encrypted phone, would otherwise leak).
 */
export function toAdminOfficialView(official: Official): AdminOfficialView {
  return {
    id: official.id,
    code: official.code,
    name: official.name,
    gender: official.gender,
    photoUrl: official.photoUrl,
    phoneMasked: official.phoneMasked,
  };
}

export function toAdminMatterView(matter: Matter): AdminMatterView {
  return {
    id: matter.id,
    code: matter.code,
    name: matter.name,
    category: matter.category,
    keywords: matter.keywords,
    synonyms: matter.synonyms,
    materials: matter.materials,
    whereToGo: matter.whereToGo,
    officeHours: matter.officeHours,
    legalBasis: matter.legalBasis,
    departmentId: matter.departmentId,
    ackWorkingDays: matter.ackWorkingDays,
    resolveWorkingDays: matter.resolveWorkingDays,
  };
}

export function toMembershipView(membership: Membership): MembershipView {
  return {
    id: membership.id,
    officialId: membership.officialId,
    postId: membership.postId,
    startDate: membership.startDate,
    endDate: membership.endDate,
  };
}
