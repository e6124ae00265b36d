import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ComplianceFinding } from './compliance-finding.entity';
import { Notice } from './notice.entity';

/** The findings a notice cites (changed only while the notice is a draft). */
@Entity('notice_findings')
@Index('idx_notice_findings_finding', ['finding'])
export class NoticeFinding {
  @PrimaryColumn({ type: 'int' })
  noticeId: number;

  @PrimaryColumn({ type: 'int' })
  findingId: number;

  @ManyToOne(() => Notice, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'fk_notice_findings_notice' })
  notice: Notice;

  @ManyToOne(() => ComplianceFinding, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'finding_id', foreignKeyConstraintName: 'fk_notice_findings_finding' })
  finding: ComplianceFinding;
}
