import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
} from 'typeorm';
import { Ticket } from '../tickets/ticket.entity';
import { Open311ApiKey } from './open311-api-key.entity';

/**
 * What an Open311 POST brought beside the ticket's text: the location, the media URL and the
 * service attributes (public in GeoReport answers), and the citizen's contact (email, phone, names,
 * device and account ids), encrypted with the FieldCipher and never answered publicly.
 */
@Entity('open311_requests')
@Index('idx_open311_requests_key_created', ['apiKey', 'createdAt'])
export class Open311Request {
  @PrimaryColumn({ type: 'int' })
  ticketId: number;

  @OneToOne(() => Ticket, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'fk_open311_requests_ticket' })
  ticket: Ticket;

  /** Null when a signed-in resident posted it with a login token. */
  @ManyToOne(() => Open311ApiKey, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'api_key_id', foreignKeyConstraintName: 'fk_open311_requests_key' })
  apiKey: Open311ApiKey | null;

  @Column({ type: 'int', nullable: true })
  apiKeyId: number | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  addressString: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  addressId: string | null;

  /** WGS84 degrees as sent (decimal text: exact on both databases). */
  @Column({ type: 'varchar', length: 24, nullable: true })
  lat: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  long: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  mediaUrl: string | null;

  /** attribute[code] values, as { code: value | values }. */
  @Column({ type: 'simple-json' })
  attributes: Record<string, string | string[]>;

  /** FieldCipher of the contact as JSON; null when none was given or after scrubbing. */
  @Column({ type: 'varchar', length: 2048, nullable: true })
  contactEnc: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
