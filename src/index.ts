import { ConfigError, readConfig } from './config';
import { botLogger } from './log';
import { buildApp } from './server';

async function main(): Promise<void> {
  let config;
  try {
    config = readConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`bcbm-consult: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const log = botLogger({ level: config.LOG_LEVEL, localMode: config.localMode });
  const app = await buildApp(config, log);
  app.server.listen(config.PORT, config.host, () => {
    const url = `http://${config.host}:${(app.server.address() as { port: number }).port}`;
    log.info({ url, mode: config.localMode ? 'local' : 'azure', storage: config.STORAGE }, 'listening');
    if (config.localMode) console.log(`Consult bot running. Open ${url}/ in a browser.`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: finishing turns in flight');
    const closed = app.close();
    const deadline = Date.now() + 10_000;
    while (app.inFlight() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await closed;
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

void main();
