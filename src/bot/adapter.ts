import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { Recent } from '../pathway/recent';
import { channelProvenKey } from './conversation-key';
import {
  AuthenticationConstants,
  AuthenticationError,
  BotFrameworkAuthentication,
  ConnectorFactory,
  JwtTokenValidation,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';

/** Clients kept per bot app id, service URL and audience; bounded, since service URLs come from requests. */
const cachedClients = 64;

const appIdOf = (claims: ClaimsIdentity) => JwtTokenValidation.getAppIdFromClaims(claims.claims) ?? '';

/**
 * botbuilder builds a new ConnectorClient and UserTokenClient (each a whole HTTP pipeline) for every
 * activity, even one answered in the response body. A client holds nothing of the turn: only the app's
 * credentials (which cache their own token) and the service URL, so one per app id, service URL and
 * audience is shared by the turns that use the same. Authentication itself is not cached: every
 * request is still checked.
 */
export class SharedClientsAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = new Recent<string, Promise<ConnectorClient>>(cachedClients);
  private readonly tokens = new Recent<string, Promise<UserTokenClient>>(cachedClients);

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.inner.authenticateRequest(activity, authHeader);
    return { ...result, connectorFactory: this.shared(result.connectorFactory, result.claimsIdentity) };
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string) {
    const result = await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
    return { ...result, connectorFactory: this.shared(result.connectorFactory, result.claimsIdentity) };
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.shared(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const key = appIdOf(claimsIdentity);
    return this.tokens.getOr(key, () =>
      kept(this.tokens, key, this.inner.createUserTokenClient(claimsIdentity)),
    );
  }

  override createBotFrameworkClient() {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private shared(factory: ConnectorFactory | undefined, claims: ClaimsIdentity): ConnectorFactory {
    const connectors = this.connectors;
    const appId = appIdOf(claims);
    return new (class extends ConnectorFactory {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        if (!factory) return Promise.reject(new Error('no connector factory for this request'));
        const key = `${appId}\u0000${serviceUrl}\u0000${audience ?? ''}`;
        return connectors.getOr(key, () => kept(connectors, key, factory.create(serviceUrl, audience)));
      }
    })();
  }
}

/** A client that could not be made (credentials unavailable) is not kept: the next turn tries again. */
function kept<T>(cache: Recent<string, Promise<T>>, key: string, made: Promise<T>): Promise<T> {
  made.catch(() => cache.delete(key));
  return made;
}

/**
 * The Bot Framework adapter of `/api/messages`. `handle` takes an activity the server has already
 * validated (src/http/activity-schema.ts), so botbuilder's own check of the raw body, which builds its
 * zod v3 schemas anew on every request, is not run a second time.
 */
export class ConsultAdapter extends CloudAdapter {
  /** The turn's response: the buffered replies of `expectReplies`, an invoke's answer, or none. */
  async handle(
    authHeader: string,
    activity: Activity,
    logic: (ctx: TurnContext) => Promise<void>,
  ): Promise<{ status: number; body?: unknown }> {
    // What botbuilder's own body check does besides checking: timestamps as dates, the raw text kept.
    const fields = activity as unknown as Record<string, unknown>;
    for (const field of ['timestamp', 'localTimestamp', 'expiration']) {
      const raw = fields[field];
      if (typeof raw !== 'string') continue;
      fields[`raw${field[0]!.toUpperCase()}${field.slice(1)}`] = raw;
      fields[field] = new Date(raw);
    }
    try {
      const response: InvokeResponse | undefined = await this.processActivity(authHeader, activity, (ctx) => {
        // The channel is proven only by a token botbuilder checked, issued for this bot (its audience). Without
        // credentials botbuilder checks nothing and the identity has no claims: the turn is kept apart from
        // the channel's own consults.
        const identity = ctx.turnState.get(ctx.adapter.BotIdentityKey) as ClaimsIdentity | undefined;
        const audience =
          identity?.isAuthenticated && identity.getClaimValue(AuthenticationConstants.AudienceClaim);
        ctx.turnState.set(channelProvenKey, Boolean(audience));
        return logic(ctx);
      });
      return { status: response?.status ?? 200, body: response?.body };
    } catch (err) {
      if (err instanceof AuthenticationError) return { status: 401 };
      throw err;
    }
  }
}
