import { ConfigError, readConfig } from './config';
import { botLogger } from './log';
import { buildApp, shutdownGraceMs } from './server';

/** After the grace for turns in flight, this long for the store to close; then the process ends regardless. */
const closeMarginMs = 5_000;

async function main(): Promise<void> {
  // A log reader that has gone (a closed pipe) must not crash the bot, nor keep it from stopping.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  let config;
  let log;
  let app;
  try {
    config = readConfig();
    log = botLogger({ level: config.LOG_LEVEL, localMode: config.localMode });
    // The store is opened here: an unusable DATA_DIR, or one another bot holds, is a bad setting too.
    app = await buildApp(config, log);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`bcbm-consult: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  app.server.listen(config.PORT, config.host, () => {
    const url = `http://${config.host}:${(app.server.address() as { port: number }).port}`;
    log.info({ url, mode: config.localMode ? 'local' : 'azure', storage: config.STORAGE }, 'listening');
    if (config.localMode) console.log(`Consult bot running. Open ${url}/ in a browser.`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, inFlight: app.inFlight() }, 'stopping: finishing turns in flight');
    const backstop = setTimeout(() => {
      log.warn({ code: 'shutdown_forced' }, 'stopped before the store closed');
      process.exit(1);
    }, shutdownGraceMs + closeMarginMs);
    await app.close(shutdownGraceMs);
    clearTimeout(backstop);
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

void main();
