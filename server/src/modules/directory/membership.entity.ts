import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Official } from './official.entity';
import { Post } from './post.entity';

/** An official holding a post from `startDate` to `endDate` (null while current). History is kept. */
@Entity('memberships')
@Index('idx_memberships_official', ['official'])
@Index('idx_memberships_post_end', ['post', 'endDate'])
export class Membership {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => Official, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'official_id', foreignKeyConstraintName: 'fk_memberships_official' })
  official: Official;

  @Column({ type: 'int' })
  officialId: number;

  @ManyToOne(() => Post, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'fk_memberships_post' })
  post: Post;

  @Column({ type: 'int' })
  postId: number;

  /** ISO date (YYYY-MM-DD). */
  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date', nullable: true })
  endDate: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
