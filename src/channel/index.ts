export { ChannelId, InvalidChannelError, checkChannelName, CHANNEL_ID_LENGTH, MAX_CHANNEL_NAME_BYTES } from './channel-id.ts'
export { chatTopic, modTopic, videoTopic } from './topics.ts'
