import { z } from 'zod';
import { educatorKey } from './channels/educators';
import { defaultRetentionDays } from './store/store';

const optional = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

const wholeDays = 'must be a whole number of days, 1 or more';

/** Environment of case-model §5. Unknown variables are ignored; known ones are checked. */
const Env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: optional,
    MicrosoftAppId: optional,
    MicrosoftAppPassword: optional,
    MicrosoftAppType: z
      .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI', 'UserAssignedMsi'])
      .optional()
      .or(z.literal('').transform(() => undefined)),
    MicrosoftAppTenantId: optional,
    SLACK_SIGNING_SECRET: optional,
    SLACK_BOT_TOKEN: optional,
    SLACK_API_URL: z.url().default('https://slack.com/api/'),
    STORAGE: z.enum(['sqlite', 'blob', 'memory']).default('sqlite'),
    DATA_DIR: z.string().min(1).default('./data'),
    // Consults untouched this long are deleted (SQLite's sweep; Blob: treated as absent, and a lifecycle rule).
    CONSULT_RETENTION_DAYS: optional.pipe(
      z
        .string()
        .regex(/^\d{1,6}$/, { error: wholeDays })
        .transform(Number)
        .pipe(z.number().min(1, { error: wholeDays }))
        .default(defaultRetentionDays),
    ),
    AZURE_STORAGE_CONNECTION_STRING: optional,
    AZURE_STORAGE_CONTAINER: z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/)
      .default('consults'),
    // Unset: the logger picks (warn on a local terminal, info otherwise; see src/log.ts).
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
    // The HMAC key learners, and who answered in a shared consult, are stored under (never their user id).
    TRAINING_LEARNER_KEY: z.string().trim().min(16, { error: 'must be at least 16 characters' }).optional(),
    // Who may see `train report`: ids as admins have them, compared with what the channel proves, never stored.
    TRAINING_EDUCATORS: z
      .string()
      .optional()
      .transform((raw, ctx) => {
        const entries = (raw ?? '').split(/[\s,;]+/).filter(Boolean);
        const keys = entries.map(educatorKey);
        const bad = keys.findIndex((k) => k === undefined);
        if (bad >= 0)
          ctx.addIssue({
            code: 'custom',
            // The entry's position, not its value: ids are not printed.
            message: `entry ${bad + 1} is neither a Teams AAD object id (a GUID) nor a Slack member id (U… or W…)`,
          });
        return keys.filter((k) => k !== undefined);
      }),
  })
  .superRefine((e, ctx) => {
    const need = (name: keyof typeof e, why: string) => {
      if (!e[name])
        ctx.addIssue({ code: 'custom', path: [name], message: `required ${why}`, input: undefined });
    };
    if (e.SLACK_SIGNING_SECRET || e.SLACK_BOT_TOKEN) {
      need('SLACK_SIGNING_SECRET', 'when Slack is on (SLACK_BOT_TOKEN is set)');
      need('SLACK_BOT_TOKEN', 'when Slack is on (SLACK_SIGNING_SECRET is set)');
      // Slack runs in production without Microsoft credentials: what is stored of who answered in a thread
      // (a keyed hash of their user id) must not be keyed with the fixed local key, which anyone can read.
      need('TRAINING_LEARNER_KEY', 'when Slack is on (production)');
    }
    if (e.STORAGE === 'blob') need('AZURE_STORAGE_CONNECTION_STRING', 'when STORAGE=blob');
    if (e.MicrosoftAppType === 'SingleTenant')
      need('MicrosoftAppTenantId', 'when MicrosoftAppType=SingleTenant');
    if (
      e.MicrosoftAppId &&
      e.MicrosoftAppType !== 'UserAssignedMSI' &&
      e.MicrosoftAppType !== 'UserAssignedMsi'
    )
      need('MicrosoftAppPassword', 'when MicrosoftAppId is set');
    if (e.MicrosoftAppId) need('TRAINING_LEARNER_KEY', 'when MicrosoftAppId is set (production)');
  });

/** Local mode only: learners on one machine need no secret key, and production refuses to start without one. */
export const localLearnerKey = 'local-mode-training-learner-key';

export type Config = Omit<z.infer<typeof Env>, 'TRAINING_LEARNER_KEY'> & {
  TRAINING_LEARNER_KEY: string;
  /** No Microsoft credentials: no auth on /api/messages, loopback only, local chat page on. */
  localMode: boolean;
  host: string;
  slack?: { signingSecret: string; botToken: string; apiUrl: string };
};

export class ConfigError extends Error {
  readonly code = 'config_invalid';
}

/** Reads the configuration once at start; a bad setting is one line that names it. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = Env.safeParse(env);
  if (!result.success) {
    const first = result.error.issues[0];
    const name = first?.path.join('.') || 'environment';
    throw new ConfigError(`invalid setting ${name}: ${first?.message ?? 'invalid'}`);
  }
  const e = result.data;
  const localMode = !e.MicrosoftAppId;
  if (localMode && e.HOST && !/^(127\.\d+\.\d+\.\d+|localhost|::1)$/.test(e.HOST))
    throw new ConfigError(
      `invalid setting HOST: local mode (no MicrosoftAppId) listens on loopback only, not ${e.HOST}`,
    );
  return {
    ...e,
    TRAINING_LEARNER_KEY: e.TRAINING_LEARNER_KEY ?? localLearnerKey,
    localMode,
    host: e.HOST ?? (localMode ? '127.0.0.1' : '0.0.0.0'),
    slack:
      e.SLACK_SIGNING_SECRET && e.SLACK_BOT_TOKEN
        ? { signingSecret: e.SLACK_SIGNING_SECRET, botToken: e.SLACK_BOT_TOKEN, apiUrl: e.SLACK_API_URL }
        : undefined,
  };
}
