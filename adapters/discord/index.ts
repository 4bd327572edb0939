/**
 * The Discord adapter on discord.js. It asks only for the gateway intents it needs:
 * - `Guilds`: the guild and channel cache that interactions and guild messages are resolved against;
 * - `GuildMessages`: MESSAGE_CREATE for mentions in server channels and threads;
 * - `DirectMessages` (with the `Channel` partial): MESSAGE_CREATE for DMs.
 * It does not ask for the privileged `MessageContent` intent: Discord delivers the text of messages that
 * mention the bot, and of DMs, without it. Handlers: `messages.ts` (mentions, DMs, threads), `commands.ts`
 * (slash commands), `buttons.ts` (button clicks), `viability.ts` (the form's menus and buttons).
 */
import {
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessagePayload,
  Partials,
  REST,
  Routes,
  Status,
} from 'discord.js';
import type { Logger } from '../../src/logger.ts';
import type { Adapter, Bot, ScopedStore } from '../../src/ports.ts';
import { createCooldown } from '../shared/cooldown.ts';
import { createWorkQueue } from '../shared/work-queue.ts';
import { handleButton } from './buttons.ts';
import { handleCommand } from './commands.ts';
import type { DiscordEnv } from './handler-env.ts';
import { createDiscordDigestPublisher } from './jobs-publisher.ts';
import { handleMessage } from './messages.ts';
import { ALLOWED_MENTIONS_NONE, renderReply } from './render.ts';
import type { AnswerableInteraction, ResponsePayload } from './responder.ts';
import { discordStartError } from './start-errors.ts';
import { viabilitySelect } from './viability.ts';
import { CUSTOM_VIABILITY } from './viability-page.ts';

/** Discord's own settings; tests pass the fake's URL as `apiUrl`, and the test-only knobs below. */
export interface DiscordConfig {
  token: string;
  /** Replaces https://discord.com/api (tests, proxies). The gateway URL still comes from `/gateway/bot`. */
  apiUrl?: string;
  /** How long to wait for guilds listed in READY (discord.js defaults to 15 s). */
  waitGuildTimeout?: number;
  /** REST retries on 5xx and network errors (discord.js defaults to 3). */
  restRetries?: number;
  /** Defer an interaction whose answer is not ready after this long (default 1.5 s; Discord allows 3 s). */
  deferAfterMs?: number;
  /** Least time between two edits of an answer a model is streaming (default one second). */
  progressIntervalMs?: number;
  /** Per-user flood guard (default: 5 messages or interactions per 10 s). */
  cooldown?: { limit: number; windowMs: number };
}

/** What the adapter gets: the bot, a logger, a store scoped to `discord:`, and its own settings. */
export interface DiscordAdapterOptions {
  bot: Bot;
  logger: Logger;
  store: ScopedStore;
  config: DiscordConfig;
}

/** The adapter plus the client, for tests and the composition root. */
export interface DiscordAdapter extends Adapter {
  readonly client: Client;
}

/** Creates the Discord adapter; nothing connects until `start()`. */
export function createDiscordAdapter({ bot, logger, store, config: options }: DiscordAdapterOptions): DiscordAdapter {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    // A default for every send: nothing the bot posts can ping anyone, whatever a handler passes.
    allowedMentions: ALLOWED_MENTIONS_NONE,
    rest: {
      ...(options.apiUrl ? { api: options.apiUrl } : {}),
      ...(options.restRetries === undefined ? {} : { retries: options.restRetries }),
    },
    ...(options.waitGuildTimeout === undefined ? {} : { waitGuildTimeout: options.waitGuildTimeout }),
  });
  // Interaction webhooks (editing a deferred answer) are not bound to Discord's global rate limit, but
  // discord.js counts every non-callback request against its 50/s global limiter; under a burst of
  // deferred interactions the edits would trickle out at 50/s. A separate REST client, used only for
  // these unauthenticated webhook edits, keeps per-route rate-limit handling without that cap.
  const webhookRest = new REST({
    ...(options.apiUrl ? { api: options.apiUrl } : {}),
    ...(options.restRetries === undefined ? {} : { retries: options.restRetries }),
    globalRequestsPerSecond: 10_000,
  });
  const editOriginal = async (interaction: AnswerableInteraction, payload: ResponsePayload) => {
    const { body } = MessagePayload.create(interaction, payload).resolveBody();
    await webhookRest.patch(Routes.webhookMessage(interaction.applicationId, interaction.token, '@original'), {
      body,
      auth: false,
    });
  };
  const env: DiscordEnv = {
    bot,
    logger,
    store,
    cooldown: createCooldown(options.cooldown),
    deferAfterMs: options.deferAfterMs,
    progressIntervalMs: options.progressIntervalMs,
    load: { inFlight: 0 },
    work: createWorkQueue(),
    editOriginal,
  };

  client.on(Events.InteractionCreate, (interaction) => {
    env.load.inFlight += 1;
    handleInteraction(interaction, env)
      .catch((err) => logger.error({ err }, 'interaction failed'))
      .finally(() => {
        env.load.inFlight -= 1;
      });
  });
  client.on(Events.MessageCreate, (message) => {
    handleMessage(message, env).catch((err) => logger.error({ err }, 'message handling failed'));
  });
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ code: event.code, shard }, 'gateway disconnected'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway session resumed'));
  client.on(Events.Error, (err) => logger.error({ err }, 'discord client error'));
  client.rest.on('rateLimited', (info) =>
    logger.warn({ route: info.route, retryAfter: info.retryAfter }, 'rate limited'),
  );

  return {
    name: 'discord',
    client,
    digests: createDiscordDigestPublisher(client),
    async start() {
      // Token and network are checked with one REST call first: a login() that fails destroys the client's
      // gateway manager for good (it would never reconnect), so a retried start must not go through one.
      client.rest.setToken(options.token);
      await client.rest.get(Routes.gatewayBot()).catch((err) => {
        throw discordStartError(err, options.apiUrl);
      });
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(options.token).catch((err) => {
        throw discordStartError(err, options.apiUrl);
      });
      await ready;
      logger.info({ user: client.user?.id, guilds: client.guilds.cache.size }, 'Discord adapter ready');
    },
    ready() {
      // The manager stays "ready" once READY has arrived; a shard that is reconnecting or resuming is not.
      return client.isReady() && client.ws.shards.every((shard) => shard.status === Status.Ready);
    },
    async stop() {
      await client.destroy();
    },
    async post(conversationId, reply) {
      const channel = await client.channels.fetch(conversationId);
      if (!channel?.isSendable()) throw new Error(`cannot post to Discord channel ${conversationId}`);
      const { embeds, components } = renderReply(reply);
      await channel.send({ embeds, components, allowedMentions: ALLOWED_MENTIONS_NONE });
    },
  };
}

/** Routes one interaction to its handler; others (autocomplete, another app's menus) are ignored. */
async function handleInteraction(interaction: Interaction, env: DiscordEnv): Promise<void> {
  if (interaction.isChatInputCommand()) return handleCommand(interaction, env);
  if (interaction.isButton()) return handleButton(interaction, env);
  if (interaction.isStringSelectMenu() && interaction.customId.startsWith(`${CUSTOM_VIABILITY}:`)) {
    return viabilitySelect(interaction, env);
  }
}
