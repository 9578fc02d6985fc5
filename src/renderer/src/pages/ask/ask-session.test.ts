import { describe, expect, it } from 'vitest'
import type { AskOutcome } from '../../../../shared/router-types'
import { askSessionReducer, idleSession, isAsking, MAX_EARLY_REQUESTS, type AskAction, type AskSession } from './ask-session'

function outcome(requestId: string, status: AskOutcome['status'] = 'succeeded'): AskOutcome {
  return {
    requestId,
    status,
    provider: 'local',
    model: 'm1',
    retentionMode: 'local',
    usage: { inputTokens: 10, outputTokens: 3 },
    costUsd: null,
    attempts: 1,
    fallbackFrom: [],
    redactions: 0,
    error: null,
  }
}

function run(...actions: AskAction[]): AskSession {
  return actions.reduce(askSessionReducer, idleSession)
}

const delta = (requestId: string, text: string): AskAction => ({ type: 'delta', delta: { requestId, text } })

describe('an asked question', () => {
  it('streams text after the start reply and ends with its outcome', () => {
    const session = run({ type: 'start' }, { type: 'started', requestId: 'a' }, delta('a', 'Hello '), delta('a', 'world'), { type: 'finished', outcome: outcome('a') })
    expect(session).toEqual({ kind: 'finished', requestId: 'a', text: 'Hello world', outcome: outcome('a') })
  })

  it('keeps text and the outcome that arrive before the start reply', () => {
    const streaming = run({ type: 'start' }, delta('a', 'Early '), { type: 'started', requestId: 'a' }, delta('a', 'late'))
    expect(streaming).toEqual({ kind: 'running', requestId: 'a', text: 'Early late', stopping: false })
    // A refused request can end before its id is known.
    const blocked = run({ type: 'start' }, { type: 'finished', outcome: outcome('b', 'blocked') }, { type: 'started', requestId: 'b' })
    expect(blocked).toMatchObject({ kind: 'finished', requestId: 'b', text: '', outcome: { status: 'blocked' } })
  })

  it('ignores other pages’ questions, before and after the start reply', () => {
    const session = run({ type: 'start' }, delta('other', 'not ours'), { type: 'started', requestId: 'a' }, delta('other', 'still not'), delta('a', 'ours'), {
      type: 'finished',
      outcome: outcome('other'),
    })
    expect(session).toEqual({ kind: 'running', requestId: 'a', text: 'ours', stopping: false })
  })

  it('ignores events of an earlier question once a new one starts', () => {
    const first = run({ type: 'start' }, { type: 'started', requestId: 'a' }, { type: 'finished', outcome: outcome('a') })
    const second = [{ type: 'start' } as const, delta('a', 'late echo'), { type: 'started', requestId: 'b' } as const].reduce(askSessionReducer, first)
    expect(second).toEqual({ kind: 'running', requestId: 'b', text: '', stopping: false })
  })

  it('keeps a bounded number of unknown requests while a start is pending', () => {
    const actions: AskAction[] = [{ type: 'start' }]
    for (let i = 0; i < 100; i++) actions.push(delta(`other-${i}`, 'x'))
    actions.push(delta('mine', 'kept'))
    const session = run(...actions)
    expect(session.kind === 'starting' && session.early.size).toBe(MAX_EARLY_REQUESTS)
    expect(askSessionReducer(session, { type: 'started', requestId: 'mine' })).toMatchObject({ kind: 'running', text: 'kept' })
  })

  it('reports a start that failed, and marks a stop in progress', () => {
    const error = { code: 'invalid_input', message: 'Ask a question: the text is empty' } as const
    expect(run({ type: 'start' }, { type: 'startFailed', error })).toEqual({ kind: 'refused', error })
    const stopping = run({ type: 'start' }, { type: 'started', requestId: 'a' }, { type: 'stopping', stopping: true })
    expect(stopping).toMatchObject({ kind: 'running', stopping: true })
    expect(isAsking(stopping)).toBe(true)
    expect(isAsking(askSessionReducer(stopping, { type: 'finished', outcome: outcome('a', 'cancelled') }))).toBe(false)
  })
})
