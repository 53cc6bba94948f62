import {
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import restify from 'restify';
import { pathway } from './content';
import type { Config } from './config';
import { ConsultService } from './consult-service';
import { KeyedHash } from './keyed-hash';
import { ConsultAdapter, SharedClientsAuthentication } from './bot/adapter';
import { ConsultBot } from './bot/consult-bot';
import { TrainingEdge } from './bot/training-edge';
import { openTraining, type TrainingService } from './training/service';
import { turnErrorHandler } from './bot/turn-error';
import { registerMessages } from './http/messages';
import { makeLogger, type Logger } from './log';
import { dataFolder, lockDataFolder } from './store/data-dir';
import { openStore } from './store/open';
import type { ConsultStore } from './store/store';

export interface App {
  server: restify.Server;
  store: ConsultStore;
  service: ConsultService;
  training: TrainingService;
  adapter: ConsultAdapter;
  log: Logger;
  /** Requests being served now; shutdown waits for them. */
  inFlight: () => number;
  /** Resolves once the Slack events and clicks acknowledged so far have been handled. */
  idle: () => Promise<void>;
  /**
   * Stops taking requests, lets the ones in flight (and acknowledged Slack turns) finish for up to `graceMs`,
   * then cuts off what is left and closes the store: it always ends.
   */
  close: (graceMs?: number) => Promise<void>;
}

/** Largest request body accepted; anything larger is refused with 413 before it is parsed. */
export const maxBodyBytes = 256 * 1024;

/** How long a shutdown waits for turns in flight (Teams gives up on a turn after about 15 s anyway). */
export const shutdownGraceMs = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for `work`, but not longer than `ms`; the timer goes once the work is done, so nothing is left pending. */
async function within(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Builds the server without listening, so tests start the real thing on port 0. */
export async function buildApp(config: Config, log: Logger = makeLogger(config.LOG_LEVEL)): Promise<App> {
  // One bot per SQLite folder: the second is refused here, before it touches the database.
  const unlock = config.STORAGE === 'sqlite' ? lockDataFolder(dataFolder(config.DATA_DIR)) : undefined;
  const store = await openStore(config).catch((err: unknown) => {
    unlock?.();
    throw err;
  });
  const service = new ConsultService(store, pathway, log);
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType ?? '',
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  } as ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new ConsultAdapter(new SharedClientsAuthentication(auth));
  const training = openTraining(store, config.TRAINING_LEARNER_KEY, log);
  const pseudonyms = new KeyedHash(config.TRAINING_LEARNER_KEY);
  const bot = new ConsultBot(service, store, log, pseudonyms, new TrainingEdge(training));

  adapter.onTurnError = turnErrorHandler(log, 'turn failed');

  // restify's own default logger would print requests, bodies included; it gets ours, which redacts them.
  // (restify 11 logs through pino; @types/restify still describes the bunyan logger of restify 8.)
  const server = restify.createServer({
    name: 'bcbm-consult',
    handleUncaughtExceptions: false,
    log: log.child({ component: 'restify' }) as unknown as restify.ServerOptions['log'],
  });
  let active = 0;
  server.pre((req, res, next) => {
    active++;
    res.once('close', () => active--);
    return next();
  });

  server.get('/healthz', (_req, res, next) => {
    if (store.sound) res.send(200, { ok: true });
    else {
      log.error({ code: 'store_unsound' }, 'the store can no longer write safely: restart the process');
      res.send(503, { ok: false });
    }
    return next();
  });
  // restify 11: an async handler takes (req, res) and must not call next.
  server.get('/readyz', async (_req, res) => {
    try {
      await store.ping();
      res.send(200, { ok: true });
    } catch {
      res.send(503, { ok: false });
    }
  });
  registerMessages(server, { adapter, bot, log, localMode: config.localMode, maxBodyBytes });
  const slack = config.slack
    ? (await import('./slack/route')).registerSlack(server, { slack: config.slack, bot, store, log })
    : undefined;
  if (config.localMode) (await import('./web/chat-page')).registerWebChat(server);

  return {
    server,
    store,
    service,
    training,
    adapter,
    log,
    inFlight: () => active,
    idle: async () => {
      await slack?.idle();
    },
    close: async (graceMs = shutdownGraceMs) => {
      const deadline = Date.now() + graceMs;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      while (active > 0 && Date.now() < deadline) await sleep(50);
      // Kept-alive connections, and whatever outlived the grace: closed now, or server.close never returns.
      server.server.closeAllConnections();
      await closed;
      // Slack events are handled after their acknowledgement: let those turns finish too, within the grace.
      if (slack) await within(slack.idle(), Math.max(0, deadline - Date.now()));
      await store.close();
      unlock?.();
    },
  };
}
