/**
 * issue 10: the Discord fake rejects what Discord rejects (allowed_mentions, component layout, application command
 * bodies) with a 400 and Discord's `50035 Invalid Form Body` shape, driven through discord.js's real REST client.
 */
import { once } from 'node:events';
import { Client, DiscordAPIError, Events, GatewayIntentBits, REST, Routes } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISCORD_IDS, FakeDiscord } from './discord-fake.ts';

let fake: FakeDiscord;
let rest: REST;
let client: Client | undefined;

beforeEach(async () => {
  fake = await FakeDiscord.start();
  rest = new REST({ api: fake.api, retries: 0 }).setToken('test-token');
});

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await fake.stop();
});

const channelMessages = Routes.channelMessages(DISCORD_IDS.channelId);
const button = (custom_id: string, label = 'Go') => ({ type: 2, style: 2, custom_id, label });
const row = (...components: unknown[]) => ({ type: 1, components });
const select = (custom_id: string, count: number) => ({
  type: 3,
  custom_id,
  options: Array.from({ length: count }, (_, i) => ({ label: `Option ${i}`, value: `v${i}` })),
});

/** Posts a message body and returns the error discord.js raised, or undefined when the fake accepted it. */
async function rejection(body: unknown, route: `/${string}` = channelMessages): Promise<DiscordAPIError | undefined> {
  try {
    await rest.post(route, { body });
    return undefined;
  } catch (err) {
    if (err instanceof DiscordAPIError) return err;
    throw err;
  }
}

/** Expects a 400 with code 50035 whose flattened message names `detail`. */
async function expectInvalid(body: unknown, detail: string, route?: `/${string}`): Promise<void> {
  const err = await rejection(body, route);
  expect(err, `expected a 400 for ${JSON.stringify(body).slice(0, 120)}`).toBeDefined();
  expect(err).toMatchObject({ status: 400, code: 50035 });
  expect(err?.message).toContain('Invalid Form Body');
  expect(err?.message).toContain(detail);
  expect(fake.formRejections.at(-1)?.route).toBe(route ?? channelMessages);
}

describe('issue 10: allowed_mentions', () => {
  it('accepts the shapes Discord accepts: parse nothing, parse everyone, explicit users', async () => {
    for (const allowed_mentions of [
      { parse: [], replied_user: false },
      { parse: ['everyone', 'roles'] },
      { users: [DISCORD_IDS.userId], parse: ['everyone'] },
    ]) {
      expect(await rejection({ content: 'hi', allowed_mentions })).toBeUndefined();
    }
    expect(fake.formRejections).toEqual([]);
  });

  it('rejects parse "users" together with a users list, as mutually exclusive', async () => {
    await expectInvalid(
      { content: 'hi', allowed_mentions: { parse: ['users'], users: [DISCORD_IDS.userId] } },
      'allowed_mentions[MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE]: parse:["users"] and users: [ids...] are mutually exclusive.',
    );
  });

  it('rejects an unknown parse value, a non-list parse and a non-boolean replied_user', async () => {
    await expectInvalid(
      { content: 'hi', allowed_mentions: { parse: ['here'] } },
      'allowed_mentions.parse[0][BASE_TYPE_CHOICES]',
    );
    await expectInvalid({ content: 'hi', allowed_mentions: { parse: 'users' } }, 'allowed_mentions.parse[');
    await expectInvalid({ content: 'hi', allowed_mentions: { replied_user: 'no' } }, 'allowed_mentions.replied_user[');
    await expectInvalid({ content: 'hi', allowed_mentions: 'none' }, 'allowed_mentions[MODEL_TYPE_CONVERT]');
  });
});

describe('issue 10: components', () => {
  it('accepts five rows: four single selects of 25 options and a row of five buttons', async () => {
    const body = {
      content: 'pick',
      components: [
        ...[1, 2, 3, 4].map((n) => row(select(`s${n}`, 25))),
        row(...[1, 2, 3, 4, 5].map((n) => button(`b${n}`))),
      ],
    };
    expect(await rejection(body)).toBeUndefined();
  });

  it('rejects a duplicate custom_id anywhere in the message', async () => {
    await expectInvalid(
      { content: 'x', components: [row(button('same')), row(button('other'), button('same'))] },
      'components[1].components[1].custom_id[COMPONENT_CUSTOM_ID_DUPLICATED]',
    );
  });

  it('rejects an empty row, a sixth button, a sixth row and a select beside a button', async () => {
    await expectInvalid({ content: 'x', components: [row()] }, 'components[0].components[BASE_TYPE_BAD_LENGTH]');
    const six = [1, 2, 3, 4, 5, 6].map((n) => button(`b${n}`));
    await expectInvalid({ content: 'x', components: [row(...six)] }, 'components[0].components[BASE_TYPE_BAD_LENGTH]');
    await expectInvalid(
      { content: 'x', components: six.map((b) => row(b)) },
      'components[BASE_TYPE_MAX_LENGTH]: Must be 5 or fewer in length.',
    );
    await expectInvalid(
      { content: 'x', components: [row(button('b'), select('s', 2))] },
      'components[0].components[1][COMPONENT_LAYOUT_WIDTH_EXCEEDED]',
    );
  });

  it('rejects 26 or no select options, duplicate option values, and over-long ids and labels', async () => {
    await expectInvalid(
      { content: 'x', components: [row(select('s', 26))] },
      'components[0].components[0].options[BASE_TYPE_BAD_LENGTH]',
    );
    await expectInvalid(
      { content: 'x', components: [row(select('s', 0))] },
      'components[0].components[0].options[BASE_TYPE_BAD_LENGTH]',
    );
    const twins = {
      ...select('s', 2),
      options: [
        { label: 'a', value: 'v' },
        { label: 'b', value: 'v' },
      ],
    };
    await expectInvalid(
      { content: 'x', components: [row(twins)] },
      'options[1][SELECT_COMPONENT_OPTION_VALUE_DUPLICATED]',
    );
    await expectInvalid(
      { content: 'x', components: [row(button('x'.repeat(101)))] },
      'custom_id[BASE_TYPE_MAX_LENGTH]',
    );
    await expectInvalid(
      { content: 'x', components: [row(button('b', 'l'.repeat(81)))] },
      'label[BASE_TYPE_MAX_LENGTH]',
    );
    await expectInvalid(
      { content: 'x', components: [row({ type: 2, style: 1, label: 'no id' })] },
      'custom_id[BASE_TYPE_REQUIRED]',
    );
  });

  it('checks an interaction callback and a webhook edit the same way', async () => {
    client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: fake.api, retries: 0 },
      waitGuildTimeout: 1000,
    });
    const ready = once(client, Events.ClientReady);
    await client.login('test-token');
    await ready;
    const received = once(client, Events.InteractionCreate);
    const interaction = fake.sendInteraction(fake.chatInput({ name: 'ask' }));
    await received;
    const callback = Routes.interactionCallback(interaction.id, interaction.token);
    const twins = [row(button('a'), button('a'))];
    const detail = 'components[0].components[1].custom_id[COMPONENT_CUSTOM_ID_DUPLICATED]';
    await expectInvalid({ type: 4, data: { content: 'x', components: twins } }, `data.${detail}`, callback);
    expect(await rejection({ type: 5 }, callback)).toBeUndefined();
    const original = Routes.webhookMessage(DISCORD_IDS.applicationId, interaction.token, '@original');
    await expect(rest.patch(original, { body: { content: 'x', components: twins }, auth: false })).rejects.toThrow(
      detail,
    );
    expect(fake.formRejections.map((r) => r.route)).toEqual([callback, decodeURIComponent(original)]);
  });
});

describe('issue 10: embeds and content', () => {
  it('rejects content over 2000, eleven embeds, a blank field value and 6001 characters in all', async () => {
    await expectInvalid({ content: 'x'.repeat(2001) }, 'content[BASE_TYPE_MAX_LENGTH]');
    const embeds = Array.from({ length: 11 }, () => ({ title: 't' }));
    await expectInvalid({ embeds }, 'embeds[BASE_TYPE_MAX_LENGTH]: Must be 10 or fewer in length.');
    await expectInvalid(
      { embeds: [{ fields: [{ name: 'n', value: '' }] }] },
      'embeds[0].fields[0].value[BASE_TYPE_REQUIRED]',
    );
    const big = {
      description: 'd'.repeat(4000),
      fields: [
        { name: 'n', value: 'v'.repeat(1000) },
        { name: 'm', value: 'v'.repeat(1000) },
      ],
    };
    await expectInvalid({ embeds: [big] }, 'embeds[MAX_EMBED_SIZE_EXCEEDED]');
  });
});

describe('issue 10: application command bodies', () => {
  const route = Routes.applicationCommands(DISCORD_IDS.applicationId);
  const put = async (body: unknown) => {
    try {
      await rest.put(route, { body });
      return undefined;
    } catch (err) {
      if (err instanceof DiscordAPIError) return err;
      throw err;
    }
  };
  const option = (name: string, required: boolean) => ({ type: 3, name, description: 'd', required });

  it('accepts a valid bulk overwrite with unicode names, choices and required options first', async () => {
    const body = [
      { name: 'ask', description: 'Ask', options: [option('q', true), option('tone', false)] },
      { name: 'größe', description: 'Unicode letters are fine' },
      { name: 'Pin', type: 3 },
    ];
    expect(await put(body)).toBeUndefined();
    expect(fake.registeredCommands().map((c) => c.name)).toEqual(['ask', 'größe', 'Pin']);
  });

  it('rejects bad names, descriptions, option order, too many options or choices, and duplicates', async () => {
    const cases: [unknown[], string][] = [
      [[{ name: 'Ask', description: 'd' }], '0.name[APPLICATION_COMMAND_INVALID_NAME]: Command name is invalid'],
      [[{ name: 'ask me', description: 'd' }], '0.name[STRING_TYPE_REGEX]'],
      [[{ name: 'a'.repeat(33), description: 'd' }], '0.name[BASE_TYPE_BAD_LENGTH]'],
      [[{ name: 'ask', description: '' }], '0.description[BASE_TYPE_BAD_LENGTH]: Must be between 1 and 100 in length.'],
      [[{ name: 'ask', description: 'd'.repeat(101) }], '0.description[BASE_TYPE_BAD_LENGTH]'],
      [
        [{ name: 'ask', description: 'd', options: [option('tone', false), option('q', true)] }],
        '0.options[1][APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID]: Required options must be placed before non-required options',
      ],
      [
        [{ name: 'ask', description: 'd', options: Array.from({ length: 26 }, (_, i) => option(`o${i}`, false)) }],
        '0.options[BASE_TYPE_MAX_LENGTH]: Must be 25 or fewer in length.',
      ],
      [
        [
          {
            name: 'ask',
            description: 'd',
            options: [
              {
                ...option('q', false),
                choices: Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `c${i}` })),
              },
            ],
          },
        ],
        '0.options[0].choices[BASE_TYPE_MAX_LENGTH]',
      ],
      [
        [{ name: 'ask', description: 'd', options: [{ ...option('Q', false) }] }],
        '0.options[0].name[APPLICATION_COMMAND_INVALID_NAME]',
      ],
      [
        [
          { name: 'ask', description: 'd' },
          { name: 'ask', description: 'again' },
        ],
        '1[APPLICATION_COMMANDS_DUPLICATE_NAME]',
      ],
    ];
    for (const [body, detail] of cases) {
      const err = await put(body);
      expect(err, JSON.stringify(body).slice(0, 100)).toMatchObject({ status: 400, code: 50035 });
      expect(err?.message).toContain(detail);
    }
    expect(fake.registeredCommands()).toEqual([]);
  });

  it('checks a single command create (POST) the same way, without an index in the path', async () => {
    await expect(rest.post(route, { body: { name: 'Ask', description: 'd' } })).rejects.toThrow(
      'name[APPLICATION_COMMAND_INVALID_NAME]: Command name is invalid',
    );
    await expect(rest.post(route, { body: { name: 'ask', description: 'Ask' } })).resolves.toMatchObject({
      name: 'ask',
    });
    expect(fake.registeredCommands().map((c) => c.name)).toEqual(['ask']);
  });
});
