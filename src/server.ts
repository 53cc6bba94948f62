import {
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import restify from 'restify';
import type { Config } from './config';
import { ConsultAdapter, SharedClientsAuthentication } from './bot/adapter';
import { ConsultBot } from './bot/bot';
import { EndpointAdapter } from './bot/endpoint-adapter';
import { turnErrorHandler } from './bot/turn-error';
import { Educators } from './channels/educators';
import { openConversation, type Conversation } from './conversation/service';
import type { TrainingService } from './conversation/training';
import { registerMessages } from './http/messages';
import { maxBodyBytes } from './http/request';
import { makeLogger, type Logger } from './log';
import { dataFolder, lockDataFolder } from './store/data-dir';
import { openStore } from './store/open';
import type { ConsultStore } from './store/store';

export interface App {
  server: restify.Server;
  store: ConsultStore;
  conversation: Conversation;
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
  const conversation = openConversation(store, config.TRAINING_LEARNER_KEY, log);
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType ?? '',
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  } as ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new ConsultAdapter(new SharedClientsAuthentication(auth));
  const bot = new ConsultBot(conversation, new Educators(config.TRAINING_EDUCATORS));

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
  // Slack: its own route (signatures) and Web API, the same bot through a Bot Framework adapter of its own.
  let slack: { idle(): Promise<void> } | undefined;
  if (config.slack) {
    const { registerSlack, slackClient } = await import('./slack/route');
    const { SlackTransport } = await import('./slack/transport');
    const client = slackClient(config.slack, log);
    const slackAdapter = new EndpointAdapter(new SlackTransport(client, log));
    slackAdapter.onTurnError = turnErrorHandler(log, 'slack turn failed');
    slack = registerSlack(server, {
      slack: config.slack,
      client,
      handle: (activity) => slackAdapter.process(activity, (ctx) => bot.run(ctx)),
      log,
      maxBodyBytes,
    });
  }
  if (config.localMode) (await import('./web/chat-page')).registerWebChat(server);

  return {
    server,
    store,
    conversation,
    training: conversation.training,
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
