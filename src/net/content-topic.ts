import { scoreTopic, unscoreTopic } from './topic-scoring.ts'
import type { GossipSub, TopicValidatorFn } from '@libp2p/gossipsub'

/**
 * Joins a content topic (chat, moderation, video): its validator is the front
 * door, invalid messages cost the sender score, and we subscribe.
 */
export function joinContentTopic (pubsub: GossipSub, topic: string, validator: TopicValidatorFn): void {
  scoreTopic(pubsub, topic)
  pubsub.topicValidators.set(topic, validator)
  pubsub.subscribe(topic)
}

/** Undoes joinContentTopic; safe after the node has stopped. */
export function leaveContentTopic (pubsub: GossipSub, topic: string): void {
  pubsub.topicValidators.delete(topic)
  unscoreTopic(pubsub, topic)
  try {
    pubsub.unsubscribe(topic)
  } catch {
    // the node is already stopped
  }
}
