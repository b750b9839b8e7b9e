import t from 'tap'
import { peerIdFromString } from '@libp2p/peer-id'
import { PeerSyncScheduler } from '../../../src/net/index.ts'
import { waitFor } from '../../helpers/wait.ts'
import type { PeerId } from '@libp2p/interface'

const PEER = peerIdFromString('12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN')

function scheduler (there: () => boolean, intervalMs = 200, settleMs = 50): { syncs: number[], scheduler: PeerSyncScheduler } {
  const syncs: number[] = []
  const s = new PeerSyncScheduler({
    sync: async (_peer: PeerId) => { syncs.push(Date.now()) },
    stillThere: there,
    intervalMs,
    settleMs,
    onError: () => {}
  })
  return { syncs, scheduler: s }
}

t.test('a new neighbour is asked now and once more after settling', async t => {
  const { syncs, scheduler: s } = scheduler(() => true)
  t.teardown(() => { s.close() })
  s.peerJoined(PEER)
  t.equal(syncs.length, 1, 'asked at once')
  await waitFor(() => syncs.length === 2, 'the settle-time ask')
  t.ok(syncs[1]! - syncs[0]! >= 45, 'after the settle time')
})

t.test('a neighbour that comes back within the interval is asked once the interval is over, not never', async t => {
  const { syncs, scheduler: s } = scheduler(() => true)
  t.teardown(() => { s.close() })
  s.peerJoined(PEER)
  const first = Date.now()
  s.peerJoined(PEER)
  s.peerJoined(PEER)
  await waitFor(() => syncs.length === 3, 'the deferred ask')
  t.ok(syncs[2]! - first >= 190, `the deferred ask waited for the interval (${syncs[2]! - first} ms)`)
  await new Promise(resolve => setTimeout(resolve, 300))
  t.equal(syncs.length, 4, 'repeated joins inside the interval make one deferred ask (and its settle-time follow-up), not one each')
})

t.test('no ask for a peer that left, or after close', async t => {
  let there = true
  const { syncs, scheduler: s } = scheduler(() => there)
  s.peerJoined(PEER)
  there = false
  s.peerJoined(PEER)
  await new Promise(resolve => setTimeout(resolve, 350))
  t.equal(syncs.length, 1, 'neither the settle ask nor the deferred one went to a peer that left')
  there = true
  s.close()
  s.peerJoined(PEER)
  t.equal(syncs.length, 1, 'nothing after close')
})
