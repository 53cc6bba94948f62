import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import restify from 'restify';
import { pathway } from './content';
import type { Config } from './config';
import { ConsultService } from './consult-service';
import { ConsultBot, conversationKey } from './bot/consult-bot';
import { TrainingEdge } from './bot/training-edge';
import { openTraining, type TrainingService } from './training/service';
import { turnErrorHandler } from './bot/turn-error';
import { makeLogger, type Logger } from './log';
import { openStore } from './store/open';
import type { ConsultStore } from './store/store';

export interface App {
  server: restify.Server;
  store: ConsultStore;
  service: ConsultService;
  training: TrainingService;
  adapter: CloudAdapter;
  log: Logger;
  /** Requests being served now; shutdown waits for them. */
  inFlight: () => number;
  close: () => Promise<void>;
}

/** Largest request body accepted; anything larger is refused with 413 before it is parsed. */
export const maxBodyBytes = 256 * 1024;

/** Builds the server without listening, so tests start the real thing on port 0. */
export async function buildApp(config: Config, log: Logger = makeLogger(config.LOG_LEVEL)): Promise<App> {
  const store = await openStore(config);
  const service = new ConsultService(store, pathway, log);
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType ?? '',
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  } as ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new CloudAdapter(auth);
  const training = openTraining(store, config.TRAINING_LEARNER_KEY, log);
  const bot = new ConsultBot(service, store, log, new TrainingEdge(training, conversationKey));

  adapter.onTurnError = turnErrorHandler(log, 'turn failed');

  const server = restify.createServer({ name: 'bcbm-consult', handleUncaughtExceptions: false });
  let active = 0;
  server.pre((req, res, next) => {
    active++;
    res.once('close', () => active--);
    return next();
  });
  const body = restify.plugins.bodyParser({ maxBodySize: maxBodyBytes, mapParams: false, mapFiles: false });

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { ok: true });
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
  server.post('/api/messages', body, async (req, res) => {
    if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
      res.send(400, { error: 'the body must be a Bot Framework activity (a JSON object)' });
      return;
    }
    await adapter.process(req, res, (ctx) => bot.run(ctx));
  });
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
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      await closed;
      // Slack events are handled after their acknowledgement: let those turns finish too.
      await slack?.idle();
      await store.close();
    },
  };
}
