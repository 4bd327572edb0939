/** Builders for jobs-digest tests: postings, and a platform stand-in that keeps posts in memory. */

import { ChannelGoneError, MessageGoneError } from '../../src/errors.ts';
import type { Posting } from '../../src/jobs/posting.ts';
import type { ChannelRef, DigestPublisher, GoneReason, PostRef, Reply } from '../../src/ports.ts';
import type { FakeSourceSpec } from '../harness/job-boards-fake.ts';

/** A board that answers and one that hangs half a second before it fails: a collection that takes a moment. */
export const SLOW_SOURCES: readonly FakeSourceSpec[] = [
  { type: 'greenhouse', board: 'northwind' },
  { type: 'ashby', board: 'tessera', id: 'ashby:slow', fail: 'hang', timeoutSeconds: 0.5 },
];

let counter = 0;
/** A normalised posting with sensible defaults. */
export function posting(overrides: Partial<Posting> = {}): Posting {
  counter += 1;
  return {
    source: 'greenhouse:acme',
    sourceType: 'greenhouse',
    id: String(counter),
    key: `greenhouse:acme:${counter}`,
    company: 'Acme AI',
    title: 'Prompt Engineer',
    url: `https://boards.example.com/acme/${counter}`,
    location: 'Remote',
    remote: 'remote',
    employment: 'full_time',
    postedAt: '2026-11-20T10:00:00.000Z',
    families: ['prompt_engineering'],
    seenIn: ['greenhouse:acme'],
    ...overrides,
  };
}

/** One message as the in-memory platform holds it. */
export interface MemoryPost {
  channelId: string;
  messageId: string;
  marker: string;
  reply: Reply;
  edits: number;
}

/**
 * A `DigestPublisher` over an in-memory channel list, for core tests of delivery and scheduling; the
 * adapters' own publishers are tested against the fake Slack and Discord servers.
 */
export function memoryPublisher(platform = 'test') {
  const posts: MemoryPost[] = [];
  const gone = new Map<string, GoneReason>();
  let failNext = 0;
  let seq = 0;
  const publisher: DigestPublisher & {
    posts: MemoryPost[];
    gone: Map<string, GoneReason>;
    failTimes(n: number): void;
  } = {
    platform,
    posts,
    gone,
    failTimes(n) {
      failNext = n;
    },
    async publish(channel: ChannelRef, reply: Reply, marker: string): Promise<PostRef> {
      const reason = gone.get(channel.channelId);
      if (reason) throw new ChannelGoneError(reason, `channel ${channel.channelId}: ${reason}`);
      if (failNext > 0) {
        failNext -= 1;
        throw new Error('platform answered 500');
      }
      seq += 1;
      const post = { channelId: channel.channelId, messageId: `M${seq}`, marker, reply, edits: 0 };
      posts.push(post);
      return { channelId: post.channelId, messageId: post.messageId };
    },
    async update(ref, reply) {
      const post = posts.find((p) => p.messageId === ref.messageId);
      if (!post) throw new MessageGoneError('message deleted');
      post.reply = reply;
      post.edits += 1;
    },
    async find(channel, marker) {
      const post = posts.find((p) => p.channelId === channel.channelId && p.marker === marker);
      return post ? { channelId: post.channelId, messageId: post.messageId } : undefined;
    },
  };
  return publisher;
}
