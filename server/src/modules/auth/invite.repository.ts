import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { inSubtrees } from '../../database/subtree';
import { Invite } from './invite.entity';

export interface InviteRow extends Invite {
  unitName: string;
  unitPath: string;
  officialName: string | null;
}

/** Named queries of invite codes. */
@Injectable()
export class InviteRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    invite: Pick<
      Invite,
      'codeHash' | 'role' | 'unitId' | 'officialId' | 'note' | 'expiresAt' | 'createdByUserId'
    >,
  ): Promise<number> {
    const result = await this.dataSource.getRepository(Invite).insert(invite);
    return Number(result.identifiers[0]!.id);
  }

  private withNames() {
    return this.dataSource
      .getRepository(Invite)
      .createQueryBuilder('i')
      .innerJoinAndSelect('i.unit', 'u')
      .leftJoinAndSelect('i.official', 'o');
  }

  private static toRow(invite: Invite): InviteRow {
    return Object.assign(invite, {
      unitName: invite.unit.name,
      unitPath: invite.unit.path,
      officialName: invite.official?.name ?? null,
    });
  }

  async findById(id: number): Promise<InviteRow | null> {
    const invite = await this.withNames().where('i.id = :id', { id }).getOne();
    return invite ? InviteRepository.toRow(invite) : null;
  }

  async findByCodeHash(codeHash: string): Promise<InviteRow | null> {
    const invite = await this.withNames().where('i.codeHash = :codeHash', { codeHash }).getOne();
    return invite ? InviteRepository.toRow(invite) : null;
  }

  /** Invites of units in the subtrees, newest first. */
  async findInSubtrees(paths: string[], limit = 200): Promise<InviteRow[]> {
    if (paths.length === 0) return [];
    const invites = await this.withNames()
      .where(inSubtrees('u', paths))
      .orderBy('i.id', 'DESC')
      .take(limit)
      .getMany();
    return invites.map(InviteRepository.toRow);
  }

  /** Marks the invite redeemed unless it was redeemed or revoked meanwhile; false if so. */
  async markRedeemed(manager: EntityManager, id: number, userId: number, at: Date): Promise<boolean> {
    const result = await manager
      .getRepository(Invite)
      .update(
        { id, redeemedAt: IsNull(), revokedAt: IsNull() },
        { redeemedAt: at, redeemedByUserId: userId },
      );
    return (result.affected ?? 0) > 0;
  }

  async markRevoked(id: number, at: Date): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(Invite)
      .update({ id, redeemedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: at });
    return (result.affected ?? 0) > 0;
  }
}
