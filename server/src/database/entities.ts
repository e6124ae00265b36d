import { Duty } from '../modules/directory/duty.entity';
import { DutyUnit } from '../modules/directory/duty-unit.entity';
import { Matter } from '../modules/directory/matter.entity';
import { Membership } from '../modules/directory/membership.entity';
import { Official } from '../modules/directory/official.entity';
import { Post } from '../modules/directory/post.entity';
import { Unit } from '../modules/directory/unit.entity';

/** Every entity of the app; the data source and the migrations must agree on this list. */
export const ENTITIES = [Unit, Official, Post, Membership, Matter, Duty, DutyUnit];
