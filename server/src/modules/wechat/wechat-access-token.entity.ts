import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The mini-program's access_token, shared by every server instance through the database. */
@Entity('wechat_access_tokens')
export class WechatAccessToken {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  appId: string;

  /** Encrypted with the field cipher. */
  @Column({ type: 'text' })
  tokenEnc: string;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime' })
  fetchedAt: Date;
}
