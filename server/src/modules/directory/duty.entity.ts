import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Matter } from './matter.entity';
import { Post } from './post.entity';

/** Who handles what (职责 / 分管): post × matter; the units covered are DutyUnit rows. */
@Entity('duties')
@Index('uq_duties_post_matter', ['post', 'matter'], { unique: true })
@Index('idx_duties_matter', ['matter'])
export class Duty {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => Post, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'fk_duties_post' })
  post: Post;

  @Column({ type: 'int' })
  postId: number;

  @ManyToOne(() => Matter, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'matter_id', foreignKeyConstraintName: 'fk_duties_matter' })
  matter: Matter;

  @Column({ type: 'int' })
  matterId: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
