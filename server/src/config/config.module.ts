import { type DynamicModule, Global, Module } from '@nestjs/common';
import { CLOCK, type Clock, systemClock } from '../common/clock';
import { FIELD_CIPHER, FieldCipher } from '../common/crypto/field-cipher';
import { APP_CONFIG, type AppConfig } from './app.config';

export interface CoreOverrides {
  /** A test clock; the system clock otherwise. */
  clock?: Clock;
}

/** The validated AppConfig, the clock and the field cipher, injectable everywhere. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, overrides: CoreOverrides = {}): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: overrides.clock ?? systemClock },
        { provide: FIELD_CIPHER, useFactory: () => new FieldCipher(config.encryptionKeys) },
      ],
      exports: [APP_CONFIG, CLOCK, FIELD_CIPHER],
    };
  }
}
