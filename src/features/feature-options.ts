// What every feature plugin receives from buildApp (src/app.ts): explicit dependencies, no
// decorators. Kept apart from app.ts so that a feature never imports the file that imports it.
import type { AppConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/index.ts';
import type { JobHandler } from '../db/jobs.ts';
import type { Mailer } from '../mail/index.ts';

export interface FeatureOptions {
  config: AppConfig;
  database: DatabaseHandle;
  mailer: Mailer;
  /**
   * The job queue's handlers by job kind (src/db/jobs.ts), one set for the whole app: each feature
   * adds the handlers of the jobs it enqueues when it is registered, and the one worker (started
   * by the notifications feature) runs them all.
   */
  jobHandlers: Record<string, JobHandler>;
}
