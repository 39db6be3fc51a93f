// What every feature plugin receives from buildApp (src/app.ts): explicit dependencies, no
// decorators. Kept apart from app.ts so that a feature never imports the file that imports it.
import type { AppConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/index.ts';
import type { Mailer } from '../mail/index.ts';

export interface FeatureOptions {
  config: AppConfig;
  database: DatabaseHandle;
  mailer: Mailer;
}
