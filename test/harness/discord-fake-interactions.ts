/**
 * Typed builders for INTERACTION_CREATE payloads (slash commands, buttons, string selects, modal submits) with every
 * field discord.js needs: `entitlements` and `authorizing_integration_owners` are required by the types because a
 * payload without them crashes discord.js inside the gateway handler, where the bot cannot catch it.
 */
import {
  type APIApplicationCommandInteractionDataOption,
  type APIBaseInteraction,
  type APIChatInputApplicationCommandInteraction,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIMessageComponentSelectMenuInteraction,
  type APIModalSubmitInteraction,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonStyle,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
} from 'discord-api-types/v10';
import {
  botUser,
  DISCORD_IDS,
  dmChannel,
  humanUser,
  interactionMember,
  MEMBER_PERMISSIONS,
  messageObject,
  snowflake,
  textChannel,
} from './discord-fake-payloads.ts';

/** Any interaction the builders produce. */
export type FakeInteraction =
  | APIChatInputApplicationCommandInteraction
  | APIMessageComponentButtonInteraction
  | APIMessageComponentSelectMenuInteraction
  | APIModalSubmitInteraction;

/** Who interacts, and where. */
export interface InteractionWhere {
  /** Defaults to alice. */
  user?: APIUser;
  /** `true` (default): a guild interaction with `member`; `false`: a DM with `user`. */
  guild?: boolean;
  /** Defaults to `channelId` in a guild, `dmChannelId` in a DM. */
  channelId?: string;
  /** The member's computed permissions in the channel (`member.permissions`), a decimal bitfield string. */
  permissions?: string;
  /** The bot's permissions in the channel (`app_permissions`), a decimal bitfield string. */
  appPermissions?: string;
}

type ContextFields = Pick<
  APIBaseInteraction<InteractionType, unknown>,
  | 'id'
  | 'application_id'
  | 'token'
  | 'version'
  | 'app_permissions'
  | 'locale'
  | 'guild_locale'
  | 'entitlements'
  | 'authorizing_integration_owners'
  | 'context'
  | 'attachment_size_limit'
  | 'guild'
  | 'guild_id'
  | 'member'
  | 'user'
> &
  Required<Pick<APIBaseInteraction<InteractionType, unknown>, 'channel' | 'channel_id'>>;

/** The id, token and guild-or-DM context every interaction carries. */
function context(where: InteractionWhere): ContextFields {
  const user = where.user ?? humanUser();
  const id = snowflake();
  const common = {
    id,
    application_id: DISCORD_IDS.applicationId,
    token: `fake-interaction-token-${id}`,
    version: 1 as const,
    app_permissions: where.appPermissions ?? MEMBER_PERMISSIONS,
    locale: Locale.EnglishUS,
    entitlements: [],
    attachment_size_limit: 10_485_760,
  };
  if (where.guild === false) {
    const channelId = where.channelId ?? DISCORD_IDS.dmChannelId;
    // A guild-installed app answering in its own DM reports the owner as "0" (Discord docs, authorizing owners).
    return {
      ...common,
      user,
      channel: dmChannel(channelId, user),
      channel_id: channelId,
      authorizing_integration_owners: { 0: '0' },
      context: InteractionContextType.BotDM,
    };
  }
  const channelId = where.channelId ?? DISCORD_IDS.channelId;
  const name = channelId === DISCORD_IDS.secondChannelId ? 'random' : 'general';
  return {
    ...common,
    guild_id: DISCORD_IDS.guildId,
    guild: { id: DISCORD_IDS.guildId, locale: Locale.EnglishUS, features: [] },
    guild_locale: Locale.EnglishUS,
    member: { ...interactionMember(user), permissions: where.permissions ?? MEMBER_PERMISSIONS },
    channel: textChannel(channelId, name, 0),
    channel_id: channelId,
    authorizing_integration_owners: { 0: DISCORD_IDS.guildId },
    context: InteractionContextType.Guild,
  };
}

/** Slash-command options: raw option objects, or `{ name: value }` with the type inferred from the value. */
export type ChatInputOptions =
  | APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommand>[]
  | Record<string, string | number | boolean>;

function toOptions(
  options: ChatInputOptions | undefined,
): APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommand>[] | undefined {
  if (options === undefined || Array.isArray(options)) return options;
  return Object.entries(options).map(
    ([name, value]): APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommand> => {
      if (typeof value === 'string') return { name, type: ApplicationCommandOptionType.String, value };
      if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
      return Number.isInteger(value)
        ? { name, type: ApplicationCommandOptionType.Integer, value }
        : { name, type: ApplicationCommandOptionType.Number, value };
    },
  );
}

/** What `chatInput` builds. */
export interface ChatInputInit extends InteractionWhere {
  name: string;
  options?: ChatInputOptions;
}

/** A slash-command interaction (type 2, command type 1). */
export function chatInputInteraction(init: ChatInputInit): APIChatInputApplicationCommandInteraction {
  const options = toOptions(init.options);
  return {
    ...context(init),
    type: InteractionType.ApplicationCommand,
    data: {
      id: snowflake(),
      type: ApplicationCommandType.ChatInput,
      name: init.name,
      ...(options ? { options } : {}),
    },
  };
}

/** A message the bot posted earlier carrying one action row; the component interactions point at it. */
function componentMessage(channelId: string, row: APIMessage['components']): APIMessage {
  return messageObject({
    channelId,
    author: botUser(),
    content: 'Choose:',
    extra: { components: row ?? [], application_id: DISCORD_IDS.applicationId },
  });
}

/** What `button` builds. */
export interface ButtonInit extends InteractionWhere {
  customId: string;
  /** The message the button is on; defaults to a bot message holding just this button. */
  message?: APIMessage;
}

/** A button click (type 3, component_type 2) with the full message it was clicked on. */
export function buttonInteraction(init: ButtonInit): APIMessageComponentButtonInteraction {
  const ctx = context(init);
  const row: APIMessage['components'] = [
    {
      type: ComponentType.ActionRow,
      components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Go', custom_id: init.customId }],
    },
  ];
  return {
    ...ctx,
    type: InteractionType.MessageComponent,
    message: init.message ?? componentMessage(ctx.channel_id, row),
    data: { custom_id: init.customId, component_type: ComponentType.Button },
  };
}

/** What `stringSelect` builds. */
export interface StringSelectInit extends InteractionWhere {
  customId: string;
  values: string[];
  message?: APIMessage;
}

/** A string-select choice (type 3, component_type 3). */
export function stringSelectInteraction(init: StringSelectInit): APIMessageComponentSelectMenuInteraction {
  const ctx = context(init);
  const row: APIMessage['components'] = [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: init.customId,
          options: init.values.map((value) => ({ label: value, value })),
          min_values: 1,
          max_values: Math.max(1, init.values.length),
        },
      ],
    },
  ];
  return {
    ...ctx,
    type: InteractionType.MessageComponent,
    message: init.message ?? componentMessage(ctx.channel_id, row),
    data: { custom_id: init.customId, component_type: ComponentType.StringSelect, values: init.values },
  };
}

/** What `modalSubmit` builds. */
export interface ModalSubmitInit extends InteractionWhere {
  customId: string;
  /** Text-input custom_id → submitted value, one action row each. */
  fields: Record<string, string>;
}

/** A modal submission (type 5) whose rows each hold one text input. */
export function modalSubmitInteraction(init: ModalSubmitInit): APIModalSubmitInteraction {
  return {
    ...context(init),
    type: InteractionType.ModalSubmit,
    data: {
      custom_id: init.customId,
      components: Object.entries(init.fields).map(([customId, value]) => ({
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.TextInput, custom_id: customId, value }],
      })),
    },
  };
}
