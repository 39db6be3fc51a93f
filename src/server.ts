// Entry point of `npm start`: configuration, database preparation, listen, graceful shutdown.
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type AppConfig } from './config.ts';
import { startHousekeeping } from './db/housekeeping.ts';
import { openDatabase } from './db/index.ts';
import { prepareDatabase } from './db/prepare.ts';
import { collectGarbageWhenIdle } from './idle-collection.ts';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`設定エラー / configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const database = openDatabase(config.database);
  try {
    const report = await prepareDatabase(database.db, { demoData: config.demoData, env: config.env });
    if (report.migrated.length > 0 || report.seeded.localGovernments > 0) {
      process.stdout.write(
        `database ready (${database.engine}): ${report.migrated.length} migration(s) applied, ${report.seeded.localGovernments} local governments added\n`,
      );
    }
    // Development only: the sample accounts' shared sign-in details (see src/db/seed/demo-accounts.ts).
    if (config.env === 'development') {
      for (const a of report.seeded.demoAccounts) {
        process.stdout.write(`sample account (development only): ${a.role} ${a.email} password ${a.password}${a.totpSecret ? ` TOTP secret ${a.totpSecret}` : ''}\n`);
      }
    }
  } catch (error) {
    process.stderr.write(`データベースエラー / database error: ${error instanceof Error ? error.message : String(error)}\n`);
    await database.close().catch(() => {});
    process.exit(1);
  }

  const app = await buildApp({ config, database });
  collectGarbageWhenIdle(app);
  const stopHousekeeping = startHousekeeping(database.db, (error) => app.log.error({ err: error }, 'housekeeping failed'));
  app.addHook('onClose', async () => {
    stopHousekeeping();
    await database.close();
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    // A stuck connection must not keep the process alive forever.
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error) => {
        app.log.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    process.stderr.write(`起動エラー / could not listen on ${config.host}:${config.port}: ${error instanceof Error ? error.message : String(error)}\n`);
    await database.close().catch(() => {});
    process.exit(1);
  }
  process.stdout.write(`Renkei is serving ${config.publicUrl} (database: ${database.engine})\n`);
}

await main();
