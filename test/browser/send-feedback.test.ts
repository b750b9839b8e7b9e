import t from 'tap'
import { sendFailureText } from '../../browser/src/chat/send-feedback.ts'
import { InvalidChatTextError, NoPeersError, RateLimitedError, SendQueueFullError } from '../../src/chat/index.ts'

// The core's send errors, by name, become the line the send box shows.
t.test('each send failure of the core gets its own line, saying what to do', async t => {
  t.match(sendFailureText(new RateLimitedError('over the rate', 1500)), /^Slow down: .* again in 1\.5 s\.$/)
  t.match(sendFailureText(new NoPeersError('nobody')), /^Not sent: no peer .*try again/)
  t.match(sendFailureText(new SendQueueFullError('full')), /^Not sent: too many .*send again/)
  t.match(sendFailureText(new InvalidChatTextError('empty')), /^Not sent: a message is 1 to \d+ bytes/)
  t.equal(sendFailureText(new Error('socket closed')), 'Not sent: socket closed', 'anything else says its own message')
})
