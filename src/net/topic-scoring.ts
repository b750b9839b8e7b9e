import { createTopicScoreParams, validateTopicScoreParams } from '@libp2p/gossipsub/score'
import type { GossipSub } from '@libp2p/gossipsub'
import type { TopicScoreParams } from '@libp2p/gossipsub/score'

/**
 * Score for a content topic: only P4 (invalid messages) counts. Each message a
 * peer sends that our validator Rejects costs it `(count)^2 × 10`, so three
 * forgeries in a few seconds take it below gossipsub's graylist threshold (-80)
 * and we stop listening to it; the count decays by 10 % a second, so a single
 * glitch is forgiven in well under a minute. Delivery-rate terms stay off: a
 * quiet chat is not a fault.
 */
export const CONTENT_TOPIC_SCORE: Partial<TopicScoreParams> = {
  topicWeight: 1,
  timeInMeshWeight: 0,
  firstMessageDeliveriesWeight: 0,
  meshMessageDeliveriesWeight: 0,
  meshFailurePenaltyWeight: 0,
  invalidMessageDeliveriesWeight: -10,
  invalidMessageDeliveriesDecay: 0.9
}

interface ScoredGossipSub {
  score?: { params?: { topics?: Record<string, TopicScoreParams> } }
}

/**
 * Turns on peer scoring for `topic`. Gossipsub takes topic score parameters
 * only at construction, but channels are joined at run time; its score
 * parameters stay a plain object it reads on every computation, so we add the
 * topic there. A test checks that a peer sending invalid messages loses score.
 */
export function scoreTopic (pubsub: GossipSub, topic: string, params: Partial<TopicScoreParams> = CONTENT_TOPIC_SCORE): void {
  const topics = (pubsub as unknown as ScoredGossipSub).score?.params?.topics
  if (topics == null) throw new Error('this gossipsub version does not expose score parameters')
  const full = createTopicScoreParams(params)
  validateTopicScoreParams(full)
  topics[topic] = full
}

export function unscoreTopic (pubsub: GossipSub, topic: string): void {
  const topics = (pubsub as unknown as ScoredGossipSub).score?.params?.topics
  if (topics != null) Reflect.deleteProperty(topics, topic)
}

/** A peer's current gossipsub score (the implementation has it; the interface type does not). */
export function peerScore (pubsub: GossipSub, peer: { toString: () => string }): number {
  const getScore = (pubsub as unknown as { getScore?: (id: string) => number }).getScore
  if (getScore == null) throw new Error('this gossipsub version does not expose peer scores')
  return getScore.call(pubsub, peer.toString())
}
