/** Self-tests for FakeDiscord against the real discord.js Client (gateway login, interactions, messages, resume). */
import { once } from 'node:events';
import {
  type ChatInputCommandInteraction,
  Client,
  type ClientEvents,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Message,
  Partials,
  RateLimitError,
  REST,
  Routes,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISCORD_IDS, FakeDiscord } from './discord-fake.ts';

let fake: FakeDiscord;
let client: Client | undefined;

beforeEach(async () => {
  fake = await FakeDiscord.start();
});

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await fake.stop();
});

/** Logs a real client in to the fake and resolves once `clientReady` has fired. */
async function login(): Promise<Client> {
  const started = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    rest: { api: fake.api, retries: 0 },
    waitGuildTimeout: 1000,
  });
  client = started;
  const ready = once(started, Events.ClientReady);
  await started.login('test-token');
  await ready;
  return started;
}

/** The next emission of `event`, as its first argument. */
async function next<E extends keyof ClientEvents>(c: Client, event: E): Promise<ClientEvents[E][0]> {
  const [arg] = (await once(c, event)) as ClientEvents[E];
  return arg;
}

async function nextCommand(c: Client): Promise<ChatInputCommandInteraction> {
  const interaction = await next(c, Events.InteractionCreate);
  if (!interaction.isChatInputCommand()) throw new Error(`unexpected interaction type ${interaction.type}`);
  return interaction;
}

describe('gateway', () => {
  it('logs in: GET /gateway/bot, IDENTIFY with intents, READY + GUILD_CREATE fill the cache', async () => {
    const c = await login();
    expect(fake.calls[0]).toMatchObject({ method: 'GET', route: '/gateway/bot', auth: 'Bot test-token' });
    const identify = await fake.waitForIdentify();
    expect(identify).toMatchObject({ token: 'test-token', intents: (1 << 0) | (1 << 9) | (1 << 12) });
    expect(c.user?.id).toBe(DISCORD_IDS.botUserId);
    expect(c.application?.id).toBe(DISCORD_IDS.applicationId);
    const guild = c.guilds.cache.get(DISCORD_IDS.guildId);
    expect(guild?.channels.cache.get(DISCORD_IDS.channelId)?.name).toBe('general');
    expect(guild?.roles.everyone.id).toBe(DISCORD_IDS.guildId);
    expect(fake.connections).toBe(1);
  });

  it('resumes after a dropped connection and still delivers interactions', async () => {
    const c = await login();
    const resumed = next(c, Events.ShardResume);
    fake.dropConnection();
    const resume = await fake.waitForResume();
    expect(resume).toMatchObject({ token: 'test-token', session_id: DISCORD_IDS.sessionId });
    expect(resume.seq).toBeGreaterThanOrEqual(2);
    await resumed;
    expect(fake.identifies).toHaveLength(1);

    const received = nextCommand(c);
    fake.sendInteraction(fake.chatInput({ name: 'ask' }));
    const response = await (await received).reply({ content: 'still here', withResponse: true });
    expect(response.resource?.message?.content).toBe('still here');
    expect(fake.callsTo('POST', '/interactions/:id/:token/callback')).toHaveLength(1);
  });
});

describe('interactions', () => {
  it('reply() reaches the callback without auth; a second initial response gets 40060', async () => {
    const c = await login();
    const first = nextCommand(c);
    const sent = fake.sendInteraction(fake.chatInput({ name: 'ask', options: { q: 'what?' } }));
    const interaction = await first;
    expect(interaction.options.getString('q')).toBe('what?');
    expect(interaction.member?.user.id).toBe(DISCORD_IDS.userId);
    await interaction.reply({ content: 'hi' });

    const call = await fake.waitForCall({ method: 'POST', route: `/interactions/${sent.id}/${sent.token}/callback` });
    expect(call.auth).toBeUndefined();
    expect(call.path).toContain('with_response=false');
    expect(call.body).toMatchObject({ type: 4, data: { content: 'hi' } });

    // The same interaction delivered twice (e.g. two bot instances): the second reply loses.
    const again = nextCommand(c);
    fake.sendInteraction(sent);
    await expect((await again).reply({ content: 'hi again' })).rejects.toMatchObject({
      constructor: DiscordAPIError,
      code: 40060,
      status: 400,
    });
  });

  it('deferReply + editReply: callback type 5, then PATCH @original; follow-ups and limits work', async () => {
    const c = await login();
    const received = nextCommand(c);
    fake.sendInteraction(fake.chatInput({ name: 'ask', guild: false }));
    const interaction = await received;
    expect(interaction.channel?.isDMBased()).toBe(true);
    await interaction.deferReply();
    const edited = await interaction.editReply({ content: 'answer' });
    expect(edited.content).toBe('answer');
    const routes = fake.calls.slice(1).map((call) => `${call.method} ${call.route}`);
    expect(routes).toEqual([
      `POST /interactions/${interaction.id}/${interaction.token}/callback`,
      `PATCH /webhooks/${DISCORD_IDS.applicationId}/${interaction.token}/messages/@original`,
    ]);
    const followUp = await interaction.followUp({ content: 'more' });
    expect(followUp.id).not.toBe(edited.id);
    await expect(interaction.followUp({ content: 'x'.repeat(2001) })).rejects.toThrow(
      'content[BASE_TYPE_MAX_LENGTH]: Must be 2000 or fewer in length.',
    );
  });

  it('builds button, string-select and modal payloads discord.js accepts', async () => {
    const c = await login();
    const clicked = next(c, Events.InteractionCreate);
    fake.sendInteraction(fake.button({ customId: 'more' }));
    const button = await clicked;
    if (!button.isButton()) throw new Error('expected a button');
    expect(button.message.author.id).toBe(DISCORD_IDS.botUserId);
    await button.update({ content: 'updated', components: [] });
    expect(fake.interactionState(button.id)).toMatchObject({ responseType: 7 });

    const chosen = next(c, Events.InteractionCreate);
    fake.sendInteraction(fake.stringSelect({ customId: 'track', values: ['backend'] }));
    const select = await chosen;
    expect(select.isStringSelectMenu() && select.values).toEqual(['backend']);

    const submitted = next(c, Events.InteractionCreate);
    fake.sendInteraction(fake.modalSubmit({ customId: 'profile', fields: { years: '3' } }));
    const modal = await submitted;
    expect(modal.isModalSubmit() && modal.fields.getTextInputValue('years')).toBe('3');
    await expect(
      c.rest.patch(`/webhooks/${DISCORD_IDS.applicationId}/${modal.token}/messages/@original`),
    ).rejects.toMatchObject({
      code: 10015,
    });
  });

  it('answers 10062 once the first response misses the deadline', async () => {
    await fake.stop();
    fake = await FakeDiscord.start({ deadlineMs: 30 });
    const c = await login();
    const received = nextCommand(c);
    fake.sendInteraction(fake.chatInput({ name: 'slow' }));
    const interaction = await received;
    await new Promise((resolve) => setTimeout(resolve, 60));
    await expect(interaction.reply({ content: 'too late' })).rejects.toMatchObject({ code: 10062, status: 404 });
  });
});

describe('messages', () => {
  it('delivers a mention with content, blanks a non-mention, and message.reply() posts a reply', async () => {
    const c = await login();
    c.on(Events.MessageCreate, (message) => {
      if (message.author.bot || !message.mentions.has(DISCORD_IDS.botUserId)) return;
      void message.reply('pong');
    });
    const plain = next(c, Events.MessageCreate);
    fake.sendMessage(fake.guildMessage({ content: 'just chatting' }));
    expect((await plain).content).toBe('');

    const mention = next(c, Events.MessageCreate);
    const sent = fake.sendMessage(fake.guildMessage({ content: 'hello', mentionsBot: true }));
    expect((await mention).content).toBe(`<@${DISCORD_IDS.botUserId}> hello`);
    const call = await fake.waitForCall({ method: 'POST', route: '/channels/:id/messages' });
    expect(call.route).toBe(`/channels/${DISCORD_IDS.channelId}/messages`);
    expect(call.auth).toBe('Bot test-token');
    expect(call.body).toMatchObject({ content: 'pong', message_reference: { message_id: sent.id } });

    // Discord echoes the bot's own message back; it arrives as a bot-authored reply.
    const echo = (await next(c, Events.MessageCreate)) as Message;
    expect(echo.author.id).toBe(DISCORD_IDS.botUserId);
    expect(echo.reference?.messageId).toBe(sent.id);

    const thread = await echo.startThread({ name: 'follow-up' });
    expect(thread).toMatchObject({ id: echo.id, parentId: DISCORD_IDS.channelId });
    await expect(thread.send('in thread')).resolves.toMatchObject({ channelId: thread.id });

    const dm = next(c, Events.MessageCreate);
    fake.sendMessage(fake.dmMessage({ content: 'private question' }));
    expect((await dm).content).toBe('private question');
  });

  it('injects faults and rate limits on matching routes', async () => {
    const rest = new REST({ api: fake.api, retries: 0, rejectOnRateLimit: () => true }).setToken('test-token');
    const route = Routes.channelMessages(DISCORD_IDS.channelId);
    fake.failNext('POST /channels/:id/messages', { retryAfter: 2 });
    await expect(rest.post(route, { body: { content: 'a' } })).rejects.toBeInstanceOf(RateLimitError);
    fake.failNext(/\/messages$/, { status: 403, code: 50013, message: 'Missing Permissions' });
    await expect(rest.post(route, { body: { content: 'b' } })).rejects.toMatchObject({ code: 50013, status: 403 });
    await expect(rest.post(route, { body: { content: 'c' } })).resolves.toMatchObject({ content: 'c' });
    await expect(rest.get(Routes.user('@me'))).resolves.toMatchObject({ bot: true });
    await expect(rest.get('/nope')).rejects.toMatchObject({ status: 404, code: 0 });
  });
});
