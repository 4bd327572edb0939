/**
 * Typed builders for what Discord sends a bot: READY, GUILD_CREATE, MESSAGE_CREATE payloads and the message objects
 * its REST API returns. Pure functions over `DISCORD_IDS`; typed with discord-api-types v10 so `tsc` flags fixtures
 * that lack a field discord.js reads. Interaction builders live in discord-fake-interactions.ts.
 */
import {
  type APIDMChannel,
  type APIGuildMember,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageReference,
  type APIRole,
  type APITextChannel,
  type APIThreadChannel,
  type APIUser,
  type ApplicationFlags,
  ChannelType,
  type GatewayGuildCreateDispatchData,
  type GatewayMessageCreateDispatchData,
  type GatewayReadyDispatchData,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  type GuildMemberFlags,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  type MessageFlags,
  MessageType,
  type RoleFlags,
} from 'discord-api-types/v10';

/** Fixed snowflakes used by every default payload; the application id is also the bot's user id, as on Discord. */
export const DISCORD_IDS = {
  applicationId: '1100000000000000001',
  botUserId: '1100000000000000001',
  botUsername: 'careerbot',
  guildId: '1200000000000000001',
  guildName: 'Careerbot Test',
  /** The text channel `#general`, cached by discord.js through GUILD_CREATE. */
  channelId: '1300000000000000001',
  /** A second text channel, `#random`. */
  secondChannelId: '1300000000000000002',
  /** The member "alice". */
  userId: '1400000000000000001',
  /** The member "bob". */
  secondUserId: '1400000000000000002',
  /** A non-@everyone role alice holds, "Member". */
  roleId: '1500000000000000001',
  /** The DM channel between alice and the bot. */
  dmChannelId: '1600000000000000001',
  sessionId: 'fake-session-1',
} as const;

/** Every permission bit a guild member normally has; Discord sends permissions as decimal strings. */
export const MEMBER_PERMISSIONS = '2248473465835073';
const EPOCH = 1_420_070_400_000n;
const JOINED_AT = '2024-01-01T00:00:00.000000+00:00';
let increment = 0;

/** A fresh snowflake for now: discord.js derives `createdTimestamp` from the id, so ids carry a real time. */
export function snowflake(at = Date.now()): string {
  increment = (increment + 1) & 0xfff;
  return (((BigInt(at) - EPOCH) << 22n) | BigInt(increment)).toString();
}

/** The bot's user object (`bot: true`). */
export function botUser(): APIUser {
  return {
    id: DISCORD_IDS.botUserId,
    username: DISCORD_IDS.botUsername,
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: true,
  };
}

/** A human user; defaults to alice. */
export function humanUser(init: Partial<APIUser> = {}): APIUser {
  const id = init.id ?? DISCORD_IDS.userId;
  const username =
    init.username ??
    (id === DISCORD_IDS.secondUserId ? 'bob' : id === DISCORD_IDS.userId ? 'alice' : `user${id.slice(-4)}`);
  return {
    id,
    username,
    discriminator: '0',
    global_name: username.charAt(0).toUpperCase() + username.slice(1),
    avatar: null,
    ...init,
  };
}

/** A guild member as listed in GUILD_CREATE; humans hold `roleId`. */
export function guildMember(user: APIUser): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    roles: user.bot ? [] : [DISCORD_IDS.roleId],
    joined_at: JOINED_AT,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
  };
}

/** The member object inside a guild interaction, which adds the member's computed permissions. */
export function interactionMember(user: APIUser): APIInteractionGuildMember {
  return { ...guildMember(user), user, permissions: MEMBER_PERMISSIONS };
}

/** A guild text channel (type 0). */
export function textChannel(id: string, name: string, position: number): APITextChannel {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: DISCORD_IDS.guildId,
    name,
    position,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
  };
}

/** A public thread (type 11) under `parentId`; a thread started from a message shares that message's id. */
export function threadChannel(id: string, parentId: string, name: string): APIThreadChannel {
  return {
    id,
    type: ChannelType.PublicThread,
    guild_id: DISCORD_IDS.guildId,
    parent_id: parentId,
    name,
    owner_id: DISCORD_IDS.botUserId,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    applied_tags: [],
    thread_metadata: {
      archived: false,
      auto_archive_duration: 1440,
      archive_timestamp: new Date().toISOString(),
      locked: false,
      create_timestamp: new Date().toISOString(),
    },
  };
}

/** The DM channel (type 1) between the bot and `recipient`. */
export function dmChannel(id: string = DISCORD_IDS.dmChannelId, recipient: APIUser = humanUser()): APIDMChannel {
  return { id, type: ChannelType.DM, last_message_id: null, recipients: [recipient], name: null };
}

/** The READY dispatch: one unavailable guild, which GUILD_CREATE then fills in. */
export function readyPayload(resumeUrl: string, sessionId: string = DISCORD_IDS.sessionId): GatewayReadyDispatchData {
  return {
    v: 10,
    user: { ...botUser(), verified: true, mfa_enabled: false },
    guilds: [{ id: DISCORD_IDS.guildId, unavailable: true }],
    session_id: sessionId,
    resume_gateway_url: resumeUrl,
    shard: [0, 1],
    application: { id: DISCORD_IDS.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
  };
}

function role(id: string, name: string, position: number, permissions: string): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions,
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

/** The GUILD_CREATE dispatch for the test guild: @everyone (id = guild id), two text channels, bot, alice and bob. */
export function guildCreatePayload(): GatewayGuildCreateDispatchData {
  const id = DISCORD_IDS.guildId;
  return {
    id,
    name: DISCORD_IDS.guildName,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: DISCORD_IDS.secondUserId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.AllMembers,
    roles: [role(id, '@everyone', 0, '1071698660929'), role(DISCORD_IDS.roleId, 'Member', 1, '0')],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: DISCORD_IDS.channelId,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    max_members: 500_000,
    joined_at: JOINED_AT,
    large: false,
    unavailable: false,
    member_count: 3,
    voice_states: [],
    members: [botUser(), humanUser(), humanUser({ id: DISCORD_IDS.secondUserId })].map(guildMember),
    channels: [textChannel(DISCORD_IDS.channelId, 'general', 0), textChannel(DISCORD_IDS.secondChannelId, 'random', 1)],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** Fields shared by every message object; `extra` overrides. */
export function messageObject(init: {
  channelId: string;
  author: APIUser;
  content?: string;
  id?: string;
  extra?: Partial<APIMessage>;
}): APIMessage {
  return {
    id: init.id ?? snowflake(),
    channel_id: init.channelId,
    type: MessageType.Default,
    content: init.content ?? '',
    author: init.author,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    flags: 0 as MessageFlags,
    components: [],
    ...init.extra,
  };
}

/** What `guildMessage` builds. */
export interface GuildMessageInit {
  content: string;
  /** Adds `<@bot>` to the content and the bot to `mentions`; without it the content arrives empty (no MessageContent intent). */
  mentionsBot?: boolean;
  /** Defaults to alice. */
  author?: APIUser;
  /** Defaults to `DISCORD_IDS.channelId`. */
  channelId?: string;
  /** Marks the author as a bot (e.g. the bot's own echo: pass `author: botUser()`). */
  bot?: boolean;
  /** Makes this a reply (type 19) to another message. */
  messageReference?: APIMessageReference;
}

/**
 * A guild MESSAGE_CREATE. Without the privileged MessageContent intent Discord blanks `content`, `embeds` and
 * `components` unless the bot is mentioned (or authored it), so the fake does the same.
 */
export function guildMessagePayload(init: GuildMessageInit): GatewayMessageCreateDispatchData {
  const base = init.author ?? humanUser();
  const author = init.bot ? { ...base, bot: true } : base;
  const mention = `<@${DISCORD_IDS.botUserId}>`;
  const content = init.mentionsBot && !init.content.includes(mention) ? `${mention} ${init.content}` : init.content;
  const visible = init.mentionsBot === true || author.id === DISCORD_IDS.botUserId;
  const { user: _user, ...member } = guildMember(author);
  return {
    ...messageObject({
      channelId: init.channelId ?? DISCORD_IDS.channelId,
      author,
      content: visible ? content : '',
      extra: init.messageReference
        ? {
            type: MessageType.Reply,
            message_reference: { type: 0, guild_id: DISCORD_IDS.guildId, ...init.messageReference },
          }
        : {},
    }),
    guild_id: DISCORD_IDS.guildId,
    member,
    mentions: init.mentionsBot ? [{ ...botUser(), member: guildMember(botUser()) }] : [],
    channel_type: ChannelType.GuildText,
  };
}

/** A DM MESSAGE_CREATE: no guild_id or member, `channel_type: 1`; content always visible. */
export function dmMessagePayload(init: {
  content: string;
  author?: APIUser;
  channelId?: string;
}): GatewayMessageCreateDispatchData {
  return {
    ...messageObject({
      channelId: init.channelId ?? DISCORD_IDS.dmChannelId,
      author: init.author ?? humanUser(),
      content: init.content,
    }),
    mentions: [],
    channel_type: ChannelType.DM,
  };
}
