import type { Activity, TurnContext } from 'botbuilder';
import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ClaimsIdentity,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import { ConsultAdapter } from '../../src/bot/adapter';
import { conversationKey } from '../../src/bot/conversation-key';
import { EndpointAdapter } from '../../src/bot/endpoint-adapter';
import type { ChannelTransport } from '../../src/channels/transport';
import type { Activity as ChannelActivity } from '../../src/channels/activity';

/**
 * The identity botbuilder's request check gives a turn: a Bot Connector token's claims (issued for this bot,
 * checked by botbuilder with credentials), or the empty anonymous identity of local mode. Nothing is sent:
 * the activity asks for its replies in the response, so the connector client is never called.
 */
class Checked extends BotFrameworkAuthentication {
  constructor(private readonly identity: ClaimsIdentity) {
    super();
  }
  async authenticateRequest(): Promise<AuthenticateRequestResult> {
    return {
      audience: 'https://api.botframework.com',
      claimsIdentity: this.identity,
      connectorFactory: this.createConnectorFactory(),
    };
  }
  authenticateStreamingRequest(): Promise<AuthenticateRequestResult> {
    return this.authenticateRequest();
  }
  createConnectorFactory(): ConnectorFactory {
    return new (class extends ConnectorFactory {
      async create() {
        return {} as ConnectorClient;
      }
    })();
  }
  async createUserTokenClient(): Promise<UserTokenClient> {
    return {} as UserTokenClient;
  }
}

const appId = '00000000-0000-0000-0000-000000000001';
const teamsToken = new ClaimsIdentity(
  [
    { type: AuthenticationConstants.AudienceClaim, value: appId },
    { type: AuthenticationConstants.IssuerClaim, value: 'https://api.botframework.com' },
  ],
  'jwt',
);
const anonymous = new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType);

const thread = '19:abc@thread.skype;messageid=1600000000001';
const teams = {
  type: 'message',
  id: 'f:1',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/amer/',
  conversation: { id: thread },
  from: { id: '29:alice' },
  recipient: { id: '28:bot' },
  deliveryMode: 'expectReplies',
} as Activity;

async function keyOf(identity: ClaimsIdentity, activity: Activity): Promise<string> {
  let key = '';
  await new ConsultAdapter(new Checked(identity)).handle('Bearer x', { ...activity }, async (ctx) => {
    key = conversationKey(ctx);
  });
  return key;
}

describe('the conversation key', () => {
  it('of a Teams turn whose token was checked is the one Teams consults were always stored under', async () => {
    expect(await keyOf(teamsToken, teams)).toBe(`msteams:${thread}`);
  });

  it('of an unauthenticated turn (local mode) is under local:, whatever channel it names', async () => {
    expect(await keyOf(anonymous, teams)).toBe(`local:msteams:${thread}`);
    expect(await keyOf(anonymous, { ...teams, channelId: 'emulator' })).toBe(`local:emulator:${thread}`);
  });

  it('of a Slack turn (the route checked its signature) is the one Slack consults were always stored under', async () => {
    let key = '';
    const slack = new EndpointAdapter({} as ChannelTransport);
    await slack.process(
      { ...teams, channelId: 'slack', conversation: { id: 'C0123:1700000001.000002' } } as ChannelActivity,
      async (ctx: TurnContext) => {
        key = conversationKey(ctx);
      },
    );
    expect(key).toBe('slack:C0123:1700000001.000002');
  });
});
