import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';
import { maxBodyBytes } from '../http/request';

/**
 * The floor `npm run bench` measures the bot against: a plain Bot Framework echo bot on the same restify +
 * CloudAdapter stack. It lives with the SDK it measures, and moves with it.
 */
export function echoServer(): restify.Server {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (ctx, next) => {
    await ctx.sendActivity(`echo: ${ctx.activity.text ?? ''}`);
    await next();
  });
  const server = restify.createServer({ name: 'echo' });
  server.post(
    '/api/messages',
    restify.plugins.bodyParser({ maxBodySize: maxBodyBytes }),
    async (req, res) => {
      await adapter.process(req, res, (ctx) => bot.run(ctx));
    },
  );
  return server;
}

// `node dist/src/bot/echo.js`: the echo bot as its own process, so the bench measures it like the bot.
if (require.main === module) {
  const server = echoServer();
  server.listen(0, '127.0.0.1', () => {
    console.log(`Echo bot running. Open http://127.0.0.1:${(server.address() as { port: number }).port}/`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
