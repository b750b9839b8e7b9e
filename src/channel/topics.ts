import type { ChannelId } from './channel-id.ts'

/** Signed chat messages and profiles. */
export function chatTopic (channel: ChannelId): string {
  return `/swarmcast/${channel.text}/chat`
}

/** Moderation grants, actions and list updates. */
export function modTopic (channel: ChannelId): string {
  return `/swarmcast/${channel.text}/mod`
}

/** Segment announcements (segment bytes never travel in gossip). */
export function videoTopic (channel: ChannelId): string {
  return `/swarmcast/${channel.text}/video`
}
