import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Duty } from './duty.entity';
import { DutyUnit } from './duty-unit.entity';
import { Matter } from './matter.entity';
import { Membership } from './membership.entity';
import { Official } from './official.entity';
import { Post } from './post.entity';
import { Unit } from './unit.entity';

/**
 * Units, officials, posts, memberships, matters and duties. The foundation holds the schema and the
 * demo seed; search, status and admin come with the directory issue.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Unit, Official, Post, Membership, Matter, Duty, DutyUnit])],
  exports: [TypeOrmModule],
})
export class DirectoryModule {}
